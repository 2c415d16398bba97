/**
 * The path alone, for matching: any query string cut off and a trailing slash dropped, so
 * `/v1/messages/` and `/v1/messages?beta=true` match like `/v1/messages`.
 */
export function trimRequestPath(path: string): string {
  const queryStart = path.indexOf('?');
  const bare = queryStart === -1 ? path : path.slice(0, queryStart);
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}
