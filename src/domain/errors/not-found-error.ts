import { TokenopsError } from './tokenops-error.ts';

/** What was asked for by id (a trace, …) is not stored. */
export class NotFoundError extends TokenopsError {
  readonly code = 'not_found';
  readonly httpStatus = 404;
}
