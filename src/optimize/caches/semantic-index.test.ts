import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSemanticIndex } from './semantic-index.ts';
import { dotProduct, toUnitVector } from './unit-vector.ts';

const unit = (...values: number[]) => toUnitVector(values) as Float32Array;

describe('toUnitVector and dotProduct', () => {
  it('scale to length 1, so the dot product is the cosine', () => {
    // (3, 4) / 5 = (0.6, 0.8); against (1, 0) the cosine is 0.6.
    const vector = unit(3, 4);
    assert.ok(Math.abs(dotProduct(vector, vector) - 1) < 1e-6);
    assert.ok(Math.abs(dotProduct(vector, unit(1, 0)) - 0.6) < 1e-6);
    // Five dimensions: four in the unrolled loop, one after it. (1,1,1,1,1)/√5 · e5 = 1/√5.
    assert.ok(
      Math.abs(dotProduct(unit(1, 1, 1, 1, 1), unit(0, 0, 0, 0, 1)) - 1 / Math.sqrt(5)) < 1e-6,
    );
  });

  it('refuse vectors with no direction', () => {
    assert.equal(toUnitVector([0, 0]), undefined);
    assert.equal(toUnitVector([Number.NaN, 1]), undefined);
    assert.equal(toUnitVector([]), undefined);
  });
});

describe('createSemanticIndex', () => {
  it('finds the nearest entry at or above the threshold, only in its partition', () => {
    const index = createSemanticIndex<string>({ maxEntries: 10 });
    index.add('p', unit(1, 0), 'east', 60_000);
    index.add('p', unit(0.8, 0.6), 'north-east', 60_000);
    index.add('q', unit(0, 1), 'north', 60_000);
    // (0.6, 0.8): cosine 0.6 with east, 0.96 with north-east, 0.8 with north (other partition).
    assert.deepEqual(index.nearest('p', unit(0.6, 0.8), 0.9)?.entry, 'north-east');
    assert.equal(index.nearest('p', unit(0.6, 0.8), 0.97), undefined);
    assert.equal(index.nearest('r', unit(1, 0), 0.5), undefined);
    assert.equal(index.nearest('q', unit(1, 0), 0.5), undefined);
    assert.equal(index.nearest('p', unit(1, 0, 0), 0.5), undefined);
  });

  it('forgets the least recently used entry past maxEntries, across partitions', () => {
    const index = createSemanticIndex<string>({ maxEntries: 2 });
    index.add('a', unit(1, 0), 'a', 60_000);
    index.add('b', unit(1, 0), 'b', 60_000);
    assert.equal(index.nearest('a', unit(1, 0), 0.99)?.entry, 'a'); // a is now the most recent
    index.add('c', unit(1, 0), 'c', 60_000);
    assert.equal(index.size, 2);
    assert.equal(index.nearest('b', unit(1, 0), 0.99), undefined);
    assert.equal(index.nearest('a', unit(1, 0), 0.99)?.entry, 'a');
    assert.equal(index.nearest('c', unit(1, 0), 0.99)?.entry, 'c');
  });

  it('drops an entry once its time to live has passed', () => {
    let now = 1_000;
    const index = createSemanticIndex<string>({ maxEntries: 10, now: () => now });
    index.add('p', unit(1, 0), 'k', 5_000);
    now += 4_999;
    assert.equal(index.nearest('p', unit(1, 0), 0.99)?.entry, 'k');
    now += 1;
    assert.equal(index.nearest('p', unit(1, 0), 0.99), undefined);
    assert.equal(index.size, 0);
  });
});
