import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCachedResponse, encodeCachedResponse } from './cached-response-codec.ts';
import { createMemoryResponseCache } from './memory-response-cache.ts';
import type { CachedResponse } from './response-cache.ts';

const entry = (text: string): CachedResponse => ({
  status: 200,
  contentType: 'text/event-stream',
  body: Buffer.from(text),
  provider: 'openai',
  model: 'gpt-4o-mini',
  serviceTier: 'standard',
  tokens: { input: 10, output: 5, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 },
  timestamp: 1_700_000_000_000,
});

describe('createMemoryResponseCache', () => {
  it('forgets the least recently used entry past maxEntries', async () => {
    const cache = createMemoryResponseCache({ maxEntries: 2 });
    await cache.set('a', entry('a'), 60_000);
    await cache.set('b', entry('b'), 60_000);
    assert.ok(await cache.get('a')); // a is now the most recent
    await cache.set('c', entry('c'), 60_000);
    assert.equal(await cache.get('b'), undefined);
    assert.equal((await cache.get('a'))?.body.toString(), 'a');
    assert.equal((await cache.get('c'))?.body.toString(), 'c');
  });

  it('drops an entry once its time to live has passed', async () => {
    let now = 1_000;
    const cache = createMemoryResponseCache({ maxEntries: 10, now: () => now });
    await cache.set('k', entry('k'), 5_000);
    now += 4_999;
    assert.ok(await cache.get('k'));
    now += 1;
    assert.equal(await cache.get('k'), undefined);
  });
});

describe('the cached response codec', () => {
  it('gives back the entry and its bytes exactly', () => {
    const original = entry('data: {"x":1}\n\ndata: [DONE]\n\n');
    const decoded = decodeCachedResponse(encodeCachedResponse(original));
    assert.deepEqual(decoded, original);
  });

  it('refuses bytes that are not an entry', () => {
    assert.equal(decodeCachedResponse(Buffer.from('no')), undefined);
    assert.equal(decodeCachedResponse(Buffer.from([0, 0, 0, 99, 1])), undefined);
    assert.equal(decodeCachedResponse(Buffer.from([0, 0, 0, 2, 123, 125])), undefined);
  });
});
