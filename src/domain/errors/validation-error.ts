import { TokenopsError } from './tokenops-error.ts';

export interface FieldIssue {
  /** Dotted path to the field, e.g. `input_tokens` or `tags.team`. */
  field: string;
  reason: string;
}

/** Input that breaks the contract; lists every field at fault. */
export class ValidationError extends TokenopsError {
  readonly code = 'invalid_input';
  readonly httpStatus = 400;
  readonly issues: readonly FieldIssue[];
  /** What was refused, before the first issue (`invalid events body`). */
  readonly what: string;

  constructor(what: string, issues: readonly FieldIssue[], fix: string) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `${what}: ${first.field} ${first.reason}${more}` : what, fix);
    this.issues = issues;
    this.what = what;
  }
}
