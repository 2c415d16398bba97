import { asJsonObject } from '../shared/as-json-object.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';

/** Google's canonical error statuses, as Gemini's `error.status` names them. */
const KIND_BY_STATUS: Readonly<Record<string, string>> = {
  RESOURCE_EXHAUSTED: 'rate_limit',
  UNAVAILABLE: 'overloaded',
  INTERNAL: 'server_error',
  INVALID_ARGUMENT: 'invalid_request',
  FAILED_PRECONDITION: 'invalid_request',
  OUT_OF_RANGE: 'invalid_request',
  UNAUTHENTICATED: 'authentication',
  PERMISSION_DENIED: 'permission',
  NOT_FOUND: 'not_found',
  DEADLINE_EXCEEDED: 'timeout',
};

/** The HTTP code in `error.code`, for bodies that carry no status name. */
const KIND_BY_CODE: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'authentication',
  403: 'permission',
  404: 'not_found',
  408: 'timeout',
  413: 'request_too_large',
  429: 'rate_limit',
  500: 'server_error',
  503: 'overloaded',
  504: 'timeout',
};

/**
 * The error kind of a Gemini error body (`{error: {code, status, message, details}}`), or
 * undefined when the body is not an error. A wrong API key comes back as 400 INVALID_ARGUMENT
 * with the reason API_KEY_INVALID in its details, so that reason is checked first: it is an
 * authentication failure, not a bad request.
 */
export function geminiErrorKind(body: unknown): string | undefined {
  const error = asJsonObject(asJsonObject(body)?.error);
  if (!error) return undefined;
  if (hasReason(error.details, 'API_KEY_INVALID')) return 'authentication';
  const byStatus = typeof error.status === 'string' ? KIND_BY_STATUS[error.status] : undefined;
  const code = readWholeNumber(error.code);
  return byStatus ?? (code === undefined ? undefined : KIND_BY_CODE[code]) ?? 'unknown';
}

function hasReason(details: unknown, reason: string): boolean {
  return (
    Array.isArray(details) && details.some((detail) => asJsonObject(detail)?.reason === reason)
  );
}
