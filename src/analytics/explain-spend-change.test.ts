import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportRow } from '../store/report-spec.ts';
import { explainSpendChange } from './explain-spend-change.ts';
import { parsePeriod } from './parse-period.ts';

function row(
  model: string,
  requests: number,
  tokens: number,
  cost: number,
  feature = 'chat',
): ReportRow {
  return {
    team: 'support',
    feature,
    provider: 'openai',
    model,
    requests,
    input_tokens: tokens,
    output_tokens: 0,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    reasoning_tokens: 0,
    cost,
    list_cost: cost,
  };
}

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} vs ${expected}`);

describe('explainSpendChange', () => {
  it('splits a change into volume, mix, tokens per call and price, adding up exactly', () => {
    // Before: 100 calls on gpt-4.1, 1,000 tokens each at $2 per 1M → $0.20.
    // After: 300 calls, half moved to gpt-4o-mini (1,200 tokens at $0.15 per 1M), half on
    // gpt-4.1 now at 1,500 tokens per call at $2 per 1M.
    const before = [row('gpt-4.1', 100, 100_000, 0.2)];
    const after = [row('gpt-4.1', 150, 225_000, 0.45), row('gpt-4o-mini', 150, 180_000, 0.027)];
    const [change] = explainSpendChange(before, after);
    assert.ok(change);
    close(change.change, 0.477 - 0.2);
    // Volume: 300 calls at the old shape: 0.2 × 3 = 0.6 → +0.4.
    close(change.volume_effect, 0.4);
    // Mix: 150 calls on gpt-4.1 at the old shape ($0.002 each) = 0.3, plus 150 on gpt-4o-mini
    // at its own tokens and price (1,200 × 0.15 / 1M = $0.00018) = 0.027 → 0.327 − 0.6.
    close(change.mix_effect, 0.327 - 0.6);
    // Tokens per call: gpt-4.1 goes 1,000 → 1,500 at the old price: 150 × 500 × 2 / 1M = 0.15.
    close(change.tokens_per_call_effect, 0.15);
    // Price: none moved.
    close(change.price_effect, 0);
    close(
      change.volume_effect +
        change.mix_effect +
        change.tokens_per_call_effect +
        change.price_effect,
      change.change,
    );
  });

  it('shows a price cut hiding rising consumption', () => {
    const before = [row('gpt-4o', 100, 1_000_000, 2.5)];
    const after = [row('gpt-4o', 200, 2_400_000, 3.0)];
    const [change] = explainSpendChange(before, after);
    assert.ok(change);
    close(change.change, 0.5);
    close(change.volume_effect, 2.5);
    close(change.tokens_per_call_effect, 200 * 2_000 * 2.5e-6);
    close(change.price_effect, 3.0 - 2_400_000 * 2.5e-6);
  });

  it('puts a new or vanished feature wholly in volume', () => {
    const changes = explainSpendChange(
      [row('gpt-4o', 10, 1000, 1, 'old')],
      [row('gpt-4o', 5, 500, 2, 'new')],
    );
    const added = changes.find((item) => item.feature === 'new');
    const removed = changes.find((item) => item.feature === 'old');
    assert.equal(added?.volume_effect, 2);
    assert.equal(removed?.volume_effect, -1);
  });

  it('reads months and days as periods', () => {
    assert.deepEqual(parsePeriod('2026-02', 'from'), {
      label: '2026-02',
      from: Date.UTC(2026, 1, 1),
      to: Date.UTC(2026, 2, 1),
    });
    assert.equal(
      parsePeriod('2026-02-28', 'to').to - parsePeriod('2026-02-28', 'to').from,
      86_400_000,
    );
    assert.throws(
      () => parsePeriod('2026-13', 'from'),
      (error: Error & { fix?: string }) => /YYYY-MM/.test(error.fix ?? ''),
    );
  });
});
