import { TokenopsError } from './tokenops-error.ts';

/** A bill or usage export that cannot be imported; nothing of it is stored. */
export class BillFileError extends TokenopsError {
  readonly code = 'invalid_bill_file';
  readonly httpStatus = 400;

  /** `where` is "line 17", "line 17, column line_item_usage_amount" or "column cost". */
  constructor(file: string, where: string | undefined, reason: string, fix: string) {
    super(`${file}${where ? ` ${where}` : ''}: ${reason}`, fix);
  }
}
