import { TokenopsError, ValidationError } from '../../domain/errors/index.ts';

/** File-system failures a user causes and fixes (a path), not bugs to report. */
const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'no space left on the device',
};

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
  const file = fileProblem(error);
  if (file) return `tokenops: ${file}. Fix: check the path, and that the file can be read`;
  const message = error instanceof Error ? error.message : String(error);
  return `tokenops: unexpected error: ${message.split('\n')[0] ?? message}. Fix: run again with --debug for details and report it`;
}

function fileProblem(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as NodeJS.ErrnoException;
  const reason = code === undefined ? undefined : FILE_ERRORS[code];
  if (!reason) return undefined;
  return `${path ?? 'the file given'}: ${reason}`;
}
