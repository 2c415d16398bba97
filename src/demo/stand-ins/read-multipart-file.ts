import { StandInRequestError } from './stand-in-request-error.ts';

/**
 * The text of the form field `name` in a multipart/form-data body (RFC 7578), as the files
 * endpoints receive uploads. Text parts only: batch files are JSONL.
 */
export function readMultipartField(text: string, contentType: string, name: string): string {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary === undefined) {
    throw new StandInRequestError('Expected a multipart/form-data body with a boundary');
  }
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    if (!new RegExp(`name="${name}"`, 'i').test(headers)) continue;
    // Each part's content ends with the CRLF that precedes the next boundary.
    return part.slice(headerEnd + 4).replace(/\r\n$/, '');
  }
  throw new StandInRequestError(`The form has no "${name}" field`);
}
