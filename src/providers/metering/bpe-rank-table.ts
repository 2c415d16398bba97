/**
 * A BPE encoding's ranks kept compactly: every token's bytes in one array and an
 * open-addressing hash table from bytes to rank, about 5 MB for o200k_base. gpt-tokenizer's
 * own encoder keeps each token as a string in Maps and arrays, which held ~40 MB of a
 * gateway's resident memory (docs/gateway.md, prompt counts and fingerprints).
 */
export interface BpeRankTable {
  /** The rank of bytes[start..end), or -1 when they are not one token. */
  rankOf(bytes: Uint8Array, start: number, end: number): number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let index = 0; index < BASE64.length; index += 1) SEXTET[BASE64.charCodeAt(index)] = index;

const NEWLINE = 10;
const SPACE = 32;
const EQUALS = 61;

/** Reads a `.tiktoken` rank file (a "BASE64 RANK" line per token) into a table. */
export function bpeRankTableFromFile(encoding: string, rankFile: string): BpeRankTable {
  let lines = 0;
  for (let at = rankFile.indexOf('\n'); at !== -1; at = rankFile.indexOf('\n', at + 1)) lines += 1;
  if (rankFile.length > 0 && rankFile.charCodeAt(rankFile.length - 1) !== NEWLINE) lines += 1;

  // Base64 holds 3 bytes in 4 characters: the file's length bounds the tokens' bytes.
  let pool = new Uint8Array(Math.ceil((rankFile.length * 3) / 4));
  const starts = new Uint32Array(lines + 1);
  const ranks = new Int32Array(lines);
  let used = 0;
  let count = 0;
  let lineStart = 0;
  while (lineStart < rankFile.length) {
    const newline = rankFile.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? rankFile.length : newline;
    const space = rankFile.indexOf(' ', lineStart);
    const rank = space === -1 || space > lineEnd ? NaN : Number(rankFile.slice(space + 1, lineEnd));
    if (!Number.isInteger(rank) || rank < 0) {
      throw new Error(`${encoding}: rank file line at offset ${lineStart} has no rank`);
    }
    starts[count] = used;
    used = decodeBase64(rankFile, lineStart, space, pool, used, encoding);
    ranks[count] = rank;
    count += 1;
    lineStart = lineEnd + 1;
  }
  starts[count] = used;
  pool = pool.slice(0, used);

  const slots = new Int32Array(tableSize(count)).fill(-1);
  const mask = slots.length - 1;
  for (let entry = 0; entry < count; entry += 1) {
    let slot = hashBytes(pool, starts[entry]!, starts[entry + 1]!) & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = entry;
  }

  return {
    rankOf(bytes, start, end) {
      const length = end - start;
      for (let slot = hashBytes(bytes, start, end) & mask; ; slot = (slot + 1) & mask) {
        const entry = slots[slot]!;
        if (entry === -1) return -1;
        const from = starts[entry]!;
        if (starts[entry + 1]! - from === length && sameBytes(pool, from, bytes, start, length)) {
          return ranks[entry]!;
        }
      }
    },
  };
}

/** A power of two at least twice the entries, so probes stay short. */
function tableSize(entries: number): number {
  let size = 1;
  while (size < entries * 2) size *= 2;
  return size;
}

/** FNV-1a over bytes[start..end). */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash = Math.imul(hash ^ bytes[index]!, 0x01000193);
  }
  return hash >>> 0;
}

function sameBytes(
  pool: Uint8Array,
  from: number,
  bytes: Uint8Array,
  start: number,
  length: number,
): boolean {
  for (let index = 0; index < length; index += 1) {
    if (pool[from + index] !== bytes[start + index]) return false;
  }
  return true;
}

/** Decodes text[start..end) (base64, padded or not) into pool at `at`; returns the new end. */
function decodeBase64(
  text: string,
  start: number,
  end: number,
  pool: Uint8Array,
  at: number,
  encoding: string,
): number {
  let bits = 0;
  let held = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code === EQUALS || code === SPACE) break;
    const sextet = code < 128 ? SEXTET[code]! : -1;
    if (sextet === -1) {
      throw new Error(`${encoding}: rank file line at offset ${start} is not base64`);
    }
    bits = (bits << 6) | sextet;
    held += 6;
    if (held >= 8) {
      held -= 8;
      pool[at++] = (bits >>> held) & 0xff;
    }
  }
  return at;
}
