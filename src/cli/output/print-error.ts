import { TokenopsError, ValidationError } from '../../domain/errors/index.ts';

/**
 * The one place errors become CLI output: one line saying what went wrong and what to do.
 * Unexpected errors keep their message; the stack is printed only with --debug.
 */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError && error.issues.length > 1) {
    const fields = error.issues.map((issue) => `${issue.field} ${issue.reason}`).join('; ');
    return `tokenops: ${fields}. Fix: ${error.fix}`;
  }
  if (error instanceof TokenopsError) return `tokenops: ${error.message}. Fix: ${error.fix}`;
  const message = error instanceof Error ? error.message : String(error);
  return `tokenops: unexpected error: ${message.split('\n')[0] ?? message}. Fix: run again with --debug for details and report it`;
}
