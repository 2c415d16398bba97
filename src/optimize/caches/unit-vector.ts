/**
 * The vector scaled to length 1, as float32: the cosine similarity of two such vectors is
 * their dot product. Undefined for a vector with no direction (all zeros, or not finite).
 */
export function toUnitVector(values: readonly number[]): Float32Array | undefined {
  let squares = 0;
  for (const value of values) squares += value * value;
  const length = Math.sqrt(squares);
  if (!(length > 0) || !Number.isFinite(length)) return undefined;
  return Float32Array.from(values, (value) => value / length);
}

/**
 * The dot product of two vectors of the same length. Four running sums let the engine keep
 * independent additions in flight: about 1.7 times as fast as one sum on 1,536 dimensions
 * (docs/decisions/2026-12-01-semantic-cache-index.md).
 */
export function dotProduct(left: Float32Array, right: Float32Array): number {
  const length = left.length;
  const whole = length - (length % 4);
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let index = 0; index < whole; index += 4) {
    a += left[index]! * right[index]!;
    b += left[index + 1]! * right[index + 1]!;
    c += left[index + 2]! * right[index + 2]!;
    d += left[index + 3]! * right[index + 3]!;
  }
  for (let index = whole; index < length; index += 1) a += left[index]! * right[index]!;
  return a + b + c + d;
}
