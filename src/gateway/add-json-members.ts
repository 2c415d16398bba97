const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * A JSON object's bytes with top-level members put first, right after its opening brace;
 * undefined when the bytes do not start with an object. The caller must know the members are
 * not in the object already (JSON keeps the last of two equal keys, not the first).
 */
export function addJsonMembers(
  bytes: Buffer,
  members: Record<string, unknown>,
): Buffer | undefined {
  const open = skipSpace(bytes, 0);
  if (bytes[open] !== OPEN_BRACE) return undefined;
  const inner = JSON.stringify(members).slice(1, -1);
  if (inner === '') return bytes;
  const empty = bytes[skipSpace(bytes, open + 1)] === CLOSE_BRACE;
  return Buffer.concat([
    bytes.subarray(0, open + 1),
    Buffer.from(empty ? inner : `${inner},`),
    bytes.subarray(open + 1),
  ]);
}

/** The index of the first byte from `from` on that is not JSON whitespace. */
function skipSpace(bytes: Buffer, from: number): number {
  let index = from;
  while (index < bytes.length) {
    const byte = bytes[index];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) break;
    index += 1;
  }
  return index;
}
