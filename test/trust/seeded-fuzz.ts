import { SeededRandom } from '../../src/demo/seeded-random.ts';

/**
 * One seed for every fuzz case, fixed so CI is repeatable; set TOKENOPS_FUZZ_SEED to explore
 * others. Every failure message names it, so a failing case can be replayed exactly.
 */
export const FUZZ_SEED = Number(process.env.TOKENOPS_FUZZ_SEED ?? 20260311);

/** Seeded choices and byte-level corruptions for property-style tests. */
export class SeededFuzz {
  private readonly random: SeededRandom;

  /** `stream` keeps each test file's sequence independent of the others'. */
  constructor(stream: number) {
    this.random = new SeededRandom(FUZZ_SEED, stream);
  }

  below(count: number): number {
    return this.random.below(count);
  }

  chance(probability: number): boolean {
    return this.random.chance(probability);
  }

  pick<Item>(items: readonly Item[]): Item {
    return items[this.random.below(items.length)] as Item;
  }

  /** A copy with `count` single bits flipped at random places. */
  flipBits(bytes: Uint8Array, count: number): Buffer {
    const copy = Buffer.from(bytes);
    for (let flip = 0; flip < count; flip += 1) {
      const at = this.random.below(copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 << this.random.below(8));
    }
    return copy;
  }

  /** A copy cut short at a random length (possibly empty, never whole). */
  truncate(bytes: Uint8Array): Buffer {
    return Buffer.from(bytes.subarray(0, this.random.below(bytes.length)));
  }

  /** A copy with `count` bytes overwritten by random ones. */
  overwrite(bytes: Uint8Array, count: number): Buffer {
    const copy = Buffer.from(bytes);
    for (let write = 0; write < count; write += 1) {
      copy[this.random.below(copy.length)] = this.random.below(256);
    }
    return copy;
  }

  /** `text` with `piece` inserted at a random place. */
  insert(text: string, piece: string): string {
    const at = this.random.below(text.length + 1);
    return `${text.slice(0, at)}${piece}${text.slice(at)}`;
  }

  /** Random bytes of a random length below `maximum`. */
  bytes(maximum: number): Buffer {
    const bytes = Buffer.alloc(this.random.below(maximum));
    for (let at = 0; at < bytes.length; at += 1) bytes[at] = this.random.below(256);
    return bytes;
  }
}

/** Names a fuzz case in assertion messages: what, which one, and the seed to replay it. */
export function fuzzCase(name: string, index: number): string {
  return `${name} #${index} (TOKENOPS_FUZZ_SEED=${FUZZ_SEED})`;
}
