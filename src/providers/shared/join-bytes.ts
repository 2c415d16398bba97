/** Concatenates byte runs; runs that already sit side by side in one buffer are not copied. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const [first] = parts;
  if (first === undefined) return new Uint8Array(0);
  if (parts.length === 1) return first;
  let length = 0;
  let adjacent = true;
  for (const part of parts) {
    adjacent &&= part.buffer === first.buffer && part.byteOffset === first.byteOffset + length;
    length += part.length;
  }
  if (adjacent) return new Uint8Array(first.buffer, first.byteOffset, length);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
