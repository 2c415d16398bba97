import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordedCall } from '../../domain/recorded-call.ts';
import { ZERO_TOKENS } from '../../domain/token-classes.ts';
import { createExactCacheReplay } from './exact-cache.ts';

const call = (at: number, more: Partial<RecordedCall> = {}): RecordedCall => ({
  timestamp: at,
  provider: 'openai',
  model: 'gpt-4o-mini',
  serviceTier: 'standard',
  tokens: { ...ZERO_TOKENS, input: 500, output: 20 },
  status: 'ok',
  attempt: 1,
  promptFingerprint: 'fp',
  tags: { team: 'search', feature: 'classify' },
  cost: 0.01,
  ...more,
});

describe('createExactCacheReplay', () => {
  it('serves a repeat from the entry a miss wrote, billing nothing, a given cost included', () => {
    const replay = createExactCacheReplay(1000);
    assert.deepEqual(replay(call(0)), call(0));
    const hit = replay(call(999, { givenCost: 0.02 }));
    assert.deepEqual(hit.tokens, ZERO_TOKENS);
    assert.equal(hit.givenCost, undefined);
  });

  it('lets a hit not extend the entry, and a call at its expiry write a new one', () => {
    const replay = createExactCacheReplay(1000);
    replay(call(0));
    assert.equal(replay(call(900)).tokens.input, 0);
    assert.equal(replay(call(1000)).tokens.input, 500, 'expired at 0 + 1000');
    assert.equal(replay(call(1999)).tokens.input, 0, 'the entry written at 1000');
  });

  it('keys on the model, the service tier, the six tags and both token counts', () => {
    const replay = createExactCacheReplay(60_000);
    replay(call(0));
    for (const other of [
      { model: 'gpt-4o' },
      { serviceTier: 'batch' as const },
      { tags: { team: 'search', feature: 'classify', customer: 'acme' } },
      { tokens: { ...ZERO_TOKENS, input: 500, output: 21 } },
    ]) {
      assert.equal(replay(call(10, other)).tokens.input > 0, true, JSON.stringify(other));
    }
    // Free tags are not part of the gateway's key either.
    const tagged = call(20, { tags: { team: 'search', feature: 'classify', extra: { run: '7' } } });
    assert.equal(replay(tagged).tokens.input, 0);
  });
});
