import type { CachedResponse } from './response-cache.ts';

/**
 * One binary value per entry, for stores that hold bytes (Redis): a 4-byte length, the
 * entry's facts as JSON, then the answer's bytes untouched — streams replay exactly as sent.
 */
export function encodeCachedResponse(entry: CachedResponse): Buffer {
  const { body, ...facts } = entry;
  const head = Buffer.from(JSON.stringify(facts));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, body]);
}

/** The entry, or undefined for bytes that are not one (a foreign or truncated value). */
export function decodeCachedResponse(value: Buffer): CachedResponse | undefined {
  if (value.length < 4) return undefined;
  const headLength = value.readUInt32BE(0);
  if (4 + headLength > value.length) return undefined;
  try {
    const facts = JSON.parse(value.subarray(4, 4 + headLength).toString('utf8')) as Omit<
      CachedResponse,
      'body'
    >;
    if (typeof facts.status !== 'number' || typeof facts.model !== 'string') return undefined;
    return { ...facts, body: value.subarray(4 + headLength) };
  } catch {
    return undefined;
  }
}
