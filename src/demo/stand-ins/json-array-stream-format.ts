import type { StreamFormat } from './stream-format.ts';

/**
 * One JSON array streamed element by element, pretty-printed with `\r\n,` between elements as
 * Gemini sends it without `alt=sse`: a reader cannot split it by lines, only parse it
 * incrementally. It has no line to break, so malformed-line leaves it intact.
 */
export const jsonArrayStreamFormat: StreamFormat<unknown> = {
  contentType: 'application/json; charset=UTF-8',
  encode: (element) => JSON.stringify(element, null, 2),
  opening: '[',
  separator: '\r\n,',
  closing: ']',
};
