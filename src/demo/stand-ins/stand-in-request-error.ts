import type { StandInErrorKind } from './stand-in-error.ts';

/**
 * A request the stand-in refuses before answering (bad JSON body, unknown scenario, malformed
 * control header, an unknown batch id); the request handler turns it into the provider's
 * error shape — a 400 unless `kind` says otherwise.
 */
export class StandInRequestError extends Error {
  override readonly name = 'StandInRequestError';

  constructor(
    message: string,
    readonly kind: StandInErrorKind = 'invalid-request',
  ) {
    super(message);
  }
}
