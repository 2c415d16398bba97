/**
 * A URL path segment with its percent-escapes decoded (a model id may be an ARN with `%2F` and
 * `%3A` in it). A malformed escape leaves the segment as sent rather than failing the request.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
