const TWO_TO_THE_32 = 4294967296;

/**
 * xoshiro128** seeded through splitmix32: fast, 2^128 − 1 period, and the same sequence on
 * every platform, which is what makes a demo workload reproducible from its seed alone.
 */
export class SeededRandom {
  private state0: number;
  private state1: number;
  private state2: number;
  private state3: number;
  /** Box–Muller yields normals in pairs; the second is kept for the next call. */
  private spareNormal: number | undefined;

  /** `stream` separates independent sequences drawn from one seed (allocation, events…). */
  constructor(seed: number, stream: number) {
    let mix = (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_TO_THE_32) >>> 0, 0x9e3779b1);
    mix ^= Math.imul(stream + 1, 0x85ebca6b);
    const next = (): number => {
      mix = (mix + 0x9e3779b9) | 0;
      let value = mix;
      value = Math.imul(value ^ (value >>> 16), 0x21f0aaad);
      value = Math.imul(value ^ (value >>> 15), 0x735a2d97);
      return (value ^ (value >>> 15)) >>> 0;
    };
    this.state0 = next();
    this.state1 = next();
    this.state2 = next();
    this.state3 = next() | 1; // an all-zero state would stay zero forever
  }

  /** Uniform in [0, 1). */
  next(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.state1, 5), 7), 9) >>> 0;
    const shifted = this.state1 << 9;
    this.state2 ^= this.state0;
    this.state3 ^= this.state1;
    this.state1 ^= this.state2;
    this.state0 ^= this.state3;
    this.state2 ^= shifted;
    this.state3 = rotateLeft(this.state3, 11);
    return result / TWO_TO_THE_32;
  }

  /** A whole number in [0, count). */
  below(count: number): number {
    return Math.floor(this.next() * count);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal. */
  normal(): number {
    const spare = this.spareNormal;
    if (spare !== undefined) {
      this.spareNormal = undefined;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Log-normal around `median`; `spread` is the sigma of its logarithm. */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(spread * this.normal());
  }

  /** A whole token count drawn log-normally, kept inside [minimum, maximum]. */
  tokenCount(median: number, spread: number, minimum: number, maximum: number): number {
    const value = Math.round(this.logNormal(median, spread));
    return value < minimum ? minimum : value > maximum ? maximum : value;
  }

  pickWeighted<Item extends { readonly weight: number }>(items: readonly Item[]): Item {
    let total = 0;
    for (const item of items) total += item.weight;
    let remaining = this.next() * total;
    for (const item of items) {
      remaining -= item.weight;
      if (remaining < 0) return item;
    }
    return items[items.length - 1] as Item;
  }
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
