import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRuleMatcher } from './match-price-rules.ts';
import type { PriceRule } from './overrides.ts';

const AT = new Date('2026-03-10T12:00:00Z');

test('provider exact, model exact or glob, case-insensitive', () => {
  const rule: PriceRule = { provider: 'anthropic', model: 'claude-*-4-5*', discount: 0.1 };
  const match = createRuleMatcher([rule]);
  assert.deepEqual(match('anthropic', ['Claude-Sonnet-4-5-20250929'], AT).all, [rule]);
  assert.deepEqual(match('bedrock', ['claude-sonnet-4-5'], AT).all, []);
  assert.deepEqual(match('anthropic', ['claude-opus-4-1'], AT).all, []);
});

test('glob characters other than * are literal', () => {
  const match = createRuleMatcher([{ model: 'gpt-4.1', discount: 0.1 }]);
  assert.equal(match('openai', ['gpt-4x1'], AT).all.length, 0);
  assert.equal(match('openai', ['gpt-4.1'], AT).all.length, 1);
});

test('an alias target matches too', () => {
  const match = createRuleMatcher([{ model: 'gpt-4o', discount: 0.2 }]);
  assert.equal(match('azure', ['support-prod', 'gpt-4o'], AT).discount?.discount, 0.2);
});

test('effectiveFrom starts at 00:00 UTC of its day', () => {
  const match = createRuleMatcher([{ effectiveFrom: '2026-04-01', discount: 0.25 }]);
  assert.equal(match('openai', ['gpt-4.1'], new Date('2026-03-31T23:59:59.999Z')).all.length, 0);
  assert.equal(match('openai', ['gpt-4.1'], new Date('2026-04-01T00:00:00Z')).all.length, 1);
});

test('later rules win, price and discount each on their own', () => {
  const first: PriceRule = { prices: { inputPerMTok: 1, outputPerMTok: 2 }, discount: 0.1 };
  const second: PriceRule = { model: 'm', selfHosted: { gpuHourCost: 1, tokensPerSecond: 1 } };
  const third: PriceRule = { model: 'other', discount: 0.5 };
  const matched = createRuleMatcher([first, second, third])('p', ['m'], AT);
  assert.deepEqual(matched, { all: [first, second], price: second, discount: first });
});
