import { dotProduct } from './unit-vector.ts';

/** The nearest entry of a partition and how similar it is (cosine, 1 the same). */
export interface SemanticMatch<Entry> {
  entry: Entry;
  similarity: number;
}

/**
 * Vectors of unit length grouped by partition, bounded across partitions by `maxEntries`.
 * A lookup scans one partition (docs/decisions/2026-12-01-semantic-cache-index.md).
 */
export interface SemanticIndex<Entry> {
  /** The most similar live entry at or above `threshold`; a hit counts as a recent use. */
  nearest(
    partition: string,
    vector: Float32Array,
    threshold: number,
  ): SemanticMatch<Entry> | undefined;
  add(partition: string, vector: Float32Array, entry: Entry, ttlMs: number): void;
  readonly size: number;
}

interface Slot<Entry> {
  id: number;
  partition: string;
  vector: Float32Array;
  entry: Entry;
  expiresAt: number;
}

/**
 * The in-process index: a brute-force scan of a partition's vectors, an LRU over all of them
 * (a Map keeps insertion order, so re-inserting on use makes the first key the least
 * recently used) and a time to live checked as entries are met.
 */
export function createSemanticIndex<Entry>(options: {
  maxEntries: number;
  now?: () => number;
}): SemanticIndex<Entry> {
  const now = options.now ?? Date.now;
  const recency = new Map<number, Slot<Entry>>();
  const partitions = new Map<string, Map<number, Slot<Entry>>>();
  let nextId = 0;

  const remove = (slot: Slot<Entry>) => {
    recency.delete(slot.id);
    const slots = partitions.get(slot.partition);
    slots?.delete(slot.id);
    if (slots?.size === 0) partitions.delete(slot.partition);
  };

  return {
    nearest(partition, vector, threshold) {
      const slots = partitions.get(partition);
      if (!slots) return undefined;
      const at = now();
      let best: { slot: Slot<Entry>; similarity: number } | undefined;
      for (const slot of slots.values()) {
        if (slot.expiresAt <= at) {
          remove(slot);
          continue;
        }
        // A vector of another length (the embedding model changed its answer) is never near.
        if (slot.vector.length !== vector.length) continue;
        const similarity = dotProduct(slot.vector, vector);
        if (similarity >= threshold && (!best || similarity > best.similarity)) {
          best = { slot, similarity };
        }
      }
      if (!best) return undefined;
      recency.delete(best.slot.id);
      recency.set(best.slot.id, best.slot);
      return { entry: best.slot.entry, similarity: best.similarity };
    },
    add(partition, vector, entry, ttlMs) {
      const slot = { id: nextId++, partition, vector, entry, expiresAt: now() + ttlMs };
      recency.set(slot.id, slot);
      let slots = partitions.get(partition);
      if (!slots) partitions.set(partition, (slots = new Map<number, Slot<Entry>>()));
      slots.set(slot.id, slot);
      for (const oldest of recency.values()) {
        if (recency.size <= options.maxEntries) break;
        remove(oldest);
      }
    },
    get size() {
      return recency.size;
    },
  };
}
