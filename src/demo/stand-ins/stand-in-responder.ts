import type { ServerResponse } from 'node:http';
import type { StandInCall } from './stand-in-call.ts';
import type { StandInError } from './stand-in-error.ts';

/**
 * Token counts keyed by one provider's own usage field names. A field left undefined is "not
 * reported": the stand-in omits it from the response instead of sending 0.
 */
export type TokenCounts = Readonly<Record<string, number | undefined>>;

/** Answers one call; streaming handlers resolve once the stream has ended or broken. */
export type StandInHandler = (call: StandInCall) => Promise<void> | void;

/** One provider's wire format: its routes, its usage fields and its error shape. */
export interface StandInResponder {
  /** every usage field a caller may set, through options.usage or `x-stand-in-usage` */
  readonly usageFields: readonly string[];
  readonly defaultUsage: TokenCounts;
  /** the handler for a method and path (no query), or undefined for the provider's 404 */
  route(method: string, pathname: string): StandInHandler | undefined;
  sendError(response: ServerResponse, error: StandInError): void;
}
