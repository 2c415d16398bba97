import type { BpeRankTable } from './bpe-rank-table.ts';

/**
 * Counts a text's tokens as tiktoken encodes it: the text is split by the encoding's pattern,
 * each piece taken as UTF-8 bytes, and within a piece the adjacent pair whose joined bytes have
 * the lowest rank is merged (the leftmost on a tie) until no pair is a token. Special tokens
 * are counted as ordinary text, as providers count them inside a prompt.
 */
export function createBpeCounter(
  table: BpeRankTable,
  splitPattern: RegExp,
): (text: string) => number {
  const split = new RegExp(splitPattern.source, 'gu');
  const encoder = new TextEncoder();
  const merger = createPieceMerger(table);
  let bytes = new Uint8Array(256);
  return (text) => {
    let tokens = 0;
    split.lastIndex = 0;
    for (let match = split.exec(text); match !== null; match = split.exec(text)) {
      const piece = match[0];
      // A UTF-16 unit is at most 3 UTF-8 bytes.
      if (bytes.length < piece.length * 3) bytes = new Uint8Array(piece.length * 3);
      const { written } = encoder.encodeInto(piece, bytes);
      tokens += table.rankOf(bytes, 0, written) !== -1 ? 1 : merger.count(bytes, written);
    }
    return tokens;
  };
}

/**
 * The merges of one piece, in O(n log n): the parts form a linked list by their first byte,
 * and the candidate pairs wait in a heap keyed by rank, then position, so the leftmost lowest
 * pair merges first, as in tiktoken's own loop. A pair whose part has changed since it was
 * queued is recognised by its version and dropped.
 */
function createPieceMerger(table: BpeRankTable) {
  let next = new Int32Array(64);
  let previous = new Int32Array(64);
  let version = new Int32Array(64);
  const heap = createPairHeap();
  // A key of rank * 2^32 + position is exact in a double for ranks under 2^21, and no string
  // is 2^32 UTF-8 bytes long.
  const POSITION = 2 ** 32;

  const queuePair = (bytes: Uint8Array, length: number, part: number): void => {
    const second = next[part]!;
    if (second >= length) return;
    const end = next[second]!;
    const rank = table.rankOf(bytes, part, end);
    if (rank !== -1) heap.push(rank * POSITION + part, version[part]!);
  };

  return {
    count(bytes: Uint8Array, length: number): number {
      if (next.length <= length) {
        next = new Int32Array(length + 1);
        previous = new Int32Array(length + 1);
        version = new Int32Array(length + 1);
      }
      heap.clear();
      for (let index = 0; index < length; index += 1) {
        next[index] = index + 1;
        previous[index] = index - 1;
        version[index] = 0;
      }
      next[length] = length;
      for (let index = 0; index + 1 < length; index += 1) queuePair(bytes, length, index);
      let parts = length;
      while (heap.size() > 0) {
        const key = heap.topKey();
        const queuedVersion = heap.topValue();
        heap.pop();
        const part = key % POSITION;
        // A part merged away has its version set to -1; a changed part has a newer version.
        if (version[part] !== queuedVersion) continue;
        const second = next[part]!;
        const after = next[second]!;
        next[part] = after;
        if (after < length) previous[after] = part;
        version[second] = -1;
        version[part] = queuedVersion + 1;
        parts -= 1;
        queuePair(bytes, length, part);
        const before = previous[part]!;
        if (before >= 0) {
          version[before] = version[before]! + 1;
          queuePair(bytes, length, before);
        }
      }
      return parts;
    },
  };
}

/** A binary min-heap of (key, value) pairs of numbers, reused from piece to piece. */
function createPairHeap() {
  let keys = new Float64Array(64);
  let values = new Int32Array(64);
  let size = 0;

  const swap = (a: number, b: number): void => {
    const key = keys[a]!;
    keys[a] = keys[b]!;
    keys[b] = key;
    const value = values[a]!;
    values[a] = values[b]!;
    values[b] = value;
  };

  return {
    size: (): number => size,
    clear(): void {
      size = 0;
    },
    topKey: (): number => keys[0]!,
    topValue: (): number => values[0]!,
    push(key: number, value: number): void {
      if (size === keys.length) {
        const grownKeys = new Float64Array(size * 2);
        grownKeys.set(keys);
        keys = grownKeys;
        const grownValues = new Int32Array(size * 2);
        grownValues.set(values);
        values = grownValues;
      }
      let at = size++;
      keys[at] = key;
      values[at] = value;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (keys[parent]! <= keys[at]!) break;
        swap(parent, at);
        at = parent;
      }
    },
    pop(): void {
      size -= 1;
      if (size === 0) return;
      keys[0] = keys[size]!;
      values[0] = values[size]!;
      let at = 0;
      for (;;) {
        const left = at * 2 + 1;
        const right = left + 1;
        let least = at;
        if (left < size && keys[left]! < keys[least]!) least = left;
        if (right < size && keys[right]! < keys[least]!) least = right;
        if (least === at) return;
        swap(at, least);
        at = least;
      }
    },
  };
}
