import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRandom } from './seeded-random.ts';

function draws(random: SeededRandom, count: number): number[] {
  return Array.from({ length: count }, () => random.next());
}

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and stream', () => {
    assert.deepEqual(draws(new SeededRandom(7, 0), 20), draws(new SeededRandom(7, 0), 20));
  });

  it('gives other sequences for another seed or stream', () => {
    const base = draws(new SeededRandom(7, 0), 20);
    assert.notDeepEqual(draws(new SeededRandom(8, 0), 20), base);
    assert.notDeepEqual(draws(new SeededRandom(7, 1), 20), base);
    assert.notDeepEqual(draws(new SeededRandom(7 + 2 ** 32, 0), 20), base);
  });

  it('draws uniformly in [0, 1)', () => {
    const values = draws(new SeededRandom(1, 0), 100_000);
    assert.ok(values.every((value) => value >= 0 && value < 1));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
  });

  it('centres log-normal draws on their median', () => {
    const random = new SeededRandom(2, 0);
    const values = Array.from({ length: 20_001 }, () => random.logNormal(300, 0.8));
    values.sort((left, right) => left - right);
    const median = values[10_000] ?? 0;
    assert.ok(median > 285 && median < 315, `median ${median}`);
  });

  it('keeps token counts whole and inside their bounds', () => {
    const random = new SeededRandom(3, 0);
    for (let index = 0; index < 1000; index++) {
      const count = random.tokenCount(50, 2, 10, 100);
      assert.ok(Number.isInteger(count) && count >= 10 && count <= 100);
    }
  });

  it('picks by weight', () => {
    const random = new SeededRandom(4, 0);
    const items = [
      { name: 'rare', weight: 1 },
      { name: 'common', weight: 9 },
    ];
    let rare = 0;
    for (let index = 0; index < 10_000; index++) {
      if (random.pickWeighted(items).name === 'rare') rare++;
    }
    assert.ok(rare > 850 && rare < 1150, `rare ${rare}`);
  });
});
