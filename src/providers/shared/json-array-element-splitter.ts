/**
 * Splits a JSON array that arrives in pieces (`[{…},\r\n{…}\r\n]`) into the text of each
 * element as soon as its closing brace arrives, whatever the chunking, so a reader sees each
 * streamed response without waiting for the array to close. A top-level object (an error body
 * sent instead of the array) counts as one element. Scalars between elements are skipped; the
 * texts are not parsed here.
 */
export function createJsonArrayElementSplitter(): { push(chunk: Uint8Array): string[] } {
  const decoder = new TextDecoder();
  let text = '';
  let depth = 0;
  let outerIsArray = false;
  let inString = false;
  let escaped = false;
  let elementStart = -1;
  let elementDepth = 0;
  return {
    push(chunk) {
      const scanFrom = text.length;
      text += decoder.decode(chunk, { stream: true });
      const elements: string[] = [];
      for (let index = scanFrom; index < text.length; index += 1) {
        const character = text[index];
        if (inString) {
          if (escaped) escaped = false;
          else if (character === '\\') escaped = true;
          else if (character === '"') inString = false;
        } else if (character === '"') {
          inString = true;
        } else if (character === '{' || character === '[') {
          if (depth === 0) outerIsArray = character === '[';
          const startsElement = depth === 0 ? character === '{' : depth === 1 && outerIsArray;
          if (startsElement && elementStart === -1) {
            elementStart = index;
            elementDepth = depth;
          }
          depth += 1;
        } else if (character === '}' || character === ']') {
          depth = Math.max(0, depth - 1);
          if (elementStart !== -1 && depth === elementDepth) {
            elements.push(text.slice(elementStart, index + 1));
            elementStart = -1;
          }
        }
      }
      // Keep only the unfinished element, so memory stays one element however long the stream.
      if (elementStart === -1) text = '';
      else {
        text = text.slice(elementStart);
        elementStart = 0;
      }
      return elements;
    },
  };
}
