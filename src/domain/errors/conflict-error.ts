import { TokenopsError } from './tokenops-error.ts';

/** The change clashes with something owned elsewhere (e.g. a budget tokenops.yaml defines). */
export class ConflictError extends TokenopsError {
  readonly code = 'conflict';
  readonly httpStatus = 409;
}
