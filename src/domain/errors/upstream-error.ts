import { TokenopsError } from './tokenops-error.ts';

/** A provider refused or failed a call tokenops made itself (a batch submission, a poll). */
export class UpstreamError extends TokenopsError {
  readonly code = 'upstream_error';
  readonly httpStatus = 502;
}
