import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPlanCache } from './create-plan-cache.ts';
import type { PricePlan, ProviderPricing } from './create-plan-resolver.ts';

const provider = {
  adapter: { name: 'p' },
  tierMultipliers: { standard: 1, batch: 0.5, flex: 1, priority: 1 },
} as unknown as ProviderPricing;

function fakeResolver(variesWithinDay: boolean) {
  const calls: string[] = [];
  const resolve = (_provider: ProviderPricing, model: string, at: Date): PricePlan => {
    calls.push(`${model}@${at.toISOString()}`);
    return { variesWithinDay } as PricePlan;
  };
  return { calls, resolve };
}

test('one resolution per model and UTC day, made at the start of the day', () => {
  const { calls, resolve } = fakeResolver(false);
  const planAt = createPlanCache(resolve);
  planAt(provider, 'm', Date.parse('2026-03-10T08:00:00Z'));
  planAt(provider, 'm', Date.parse('2026-03-10T23:59:59Z'));
  planAt(provider, 'm', Date.parse('2026-03-11T00:00:00Z'));
  planAt(provider, 'n', Date.parse('2026-03-11T09:00:00Z'));
  assert.deepEqual(calls, [
    'm@2026-03-10T00:00:00.000Z',
    'm@2026-03-11T00:00:00.000Z',
    'n@2026-03-11T00:00:00.000Z',
  ]);
});

test('time-of-day prices are resolved per minute', () => {
  const { calls, resolve } = fakeResolver(true);
  const planAt = createPlanCache(resolve);
  planAt(provider, 'm', Date.parse('2026-03-10T16:29:30Z'));
  planAt(provider, 'm', Date.parse('2026-03-10T16:29:59Z'));
  planAt(provider, 'm', Date.parse('2026-03-10T16:30:00Z'));
  assert.deepEqual(calls, [
    'm@2026-03-10T00:00:00.000Z',
    'm@2026-03-10T16:29:00.000Z',
    'm@2026-03-10T16:30:00.000Z',
  ]);
});
