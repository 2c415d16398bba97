import { TokenopsError } from './tokenops-error.ts';

/** The store could not be opened or written; nothing already stored was changed. */
export class StoreError extends TokenopsError {
  readonly code = 'store_unavailable';
  readonly httpStatus = 503;
}
