import { sumClassCosts } from '../../src/domain/money.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';

/** A small deterministic PRNG so fixtures are the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['search', 'support', 'platform', undefined];
const FEATURES = ['chat', 'summarise', 'classify', undefined];
const REGIONS = ['eu', 'us', undefined];

/**
 * Events with every token class, some tags missing, free tags on some, an unpriced model and
 * costs that are simple multiples of the tokens, spread over 10 days from 2026-03-01.
 */
export function sampleEvents(count: number, seed = 7): PricedUsageEvent[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const start = Date.UTC(2026, 2, 1);
  const events: PricedUsageEvent[] = [];
  for (let index = 0; index < count; index += 1) {
    const cacheRead = Math.floor(random() * 500);
    const cacheWrite = Math.floor(random() * 200);
    const input = cacheRead + cacheWrite + 1 + Math.floor(random() * 3000);
    const reasoning = Math.floor(random() * 100);
    const output = reasoning + Math.floor(random() * 800);
    const unpriced = random() < 0.05;
    const list = sumClassCosts({
      input: (input - cacheRead - cacheWrite) * 1e-6,
      cacheRead: cacheRead * 1e-7,
      cacheWrite: cacheWrite * 1.25e-6,
      cacheWrite1h: 0,
      output: output * 4e-6,
      reasoning: reasoning * 4e-6,
    });
    const effective = sumClassCosts({
      input: list.input * 0.9,
      cacheRead: list.cacheRead * 0.9,
      cacheWrite: list.cacheWrite * 0.9,
      cacheWrite1h: 0,
      output: list.output * 0.9,
      reasoning: list.reasoning * 0.9,
    });
    const team = pick(TEAMS);
    const feature = pick(FEATURES);
    const region = pick(REGIONS);
    events.push({
      id: `sample-${seed}-${index}`,
      timestamp: start + Math.floor(random() * 10 * 86_400_000),
      source: 'api',
      provider: pick(['openai', 'anthropic']),
      model: unpriced ? 'private-model' : pick(['gpt-4o-mini', 'claude-haiku-4-5']),
      serviceTier: 'standard',
      tokens: { input, output, cacheRead, cacheWrite, cacheWrite1h: 0, reasoning },
      status: random() < 0.1 ? 'error' : 'ok',
      attempt: 1,
      tags: {
        ...(team ? { team } : {}),
        ...(feature ? { feature } : {}),
        ...(random() < 0.5 ? { environment: 'production' } : {}),
        ...(region ? { extra: { region } } : {}),
      },
      pricing: {
        currency: 'USD',
        priceVersion: 'test',
        contextTier: 'standard',
        list: unpriced ? null : list,
        effective: unpriced ? null : effective,
        flags: unpriced ? ['price-missing'] : [],
      },
    });
  }
  return events;
}
