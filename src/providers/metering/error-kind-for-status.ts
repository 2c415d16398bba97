/** The error kind an HTTP status means, when the body named none. */
export function errorKindForStatus(status: number): string {
  if (status === 429) return 'rate_limit';
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 413) return 'request_too_large';
  if (status === 529 || status === 503) return 'overloaded';
  if (status >= 500) return 'server_error';
  return 'invalid_request';
}
