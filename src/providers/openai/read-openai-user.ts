import { readNonEmptyString } from '../shared/read-non-empty-string.ts';

/**
 * The end user a request names: `user`, or `safety_identifier`, which OpenAI introduced to
 * replace `user` for the same purpose (a stable id per end user of the caller's app).
 */
export function readOpenAiUser(request: Record<string, unknown>): string | undefined {
  return readNonEmptyString(request.user) ?? readNonEmptyString(request.safety_identifier);
}
