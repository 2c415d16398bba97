import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHeaderTags } from './read-header-tags.ts';
import { matchesScope, tagsFromFlat } from './tags.ts';
import { parseUsageEvent } from './usage-event-schema.ts';

describe('free tags', () => {
  it('keep a tag named __proto__ from flat key/values', () => {
    const tags = tagsFromFlat([
      ['team', 'search'],
      ['__proto__', 'x'],
      ['region', 'eu'],
    ]);
    assert.equal(tags.team, 'search');
    assert.deepEqual(Object.entries(tags.extra ?? {}), [
      ['__proto__', 'x'],
      ['region', 'eu'],
    ]);
    assert.equal(JSON.stringify(tags.extra), '{"__proto__":"x","region":"eu"}');
    assert.ok(matchesScope(JSON.parse('{"__proto__":"x"}') as Record<string, string>, tags));
  });

  it('keep a tag named __proto__ from the x-tokenops-tags header', () => {
    const tags = readHeaderTags({ 'x-tokenops-tags': '__proto__=x;region=eu' });
    assert.deepEqual(Object.keys(tags.extra ?? {}), ['__proto__', 'region']);
    assert.equal(Object.getPrototypeOf(tags.extra), Object.prototype);
  });
});

describe('free tags through the events API schema', () => {
  it('keep a tag named __proto__ from a wire event', () => {
    const wire = JSON.parse(
      '{"id":"e1","timestamp":"2026-03-09T14:03:11Z","provider":"openai","model":"gpt-4o",' +
        '"input_tokens":1,"output_tokens":1,"tags":{"team":"a","__proto__":"x"}}',
    ) as unknown;
    const parsed = parseUsageEvent(wire, { knownProviders: ['openai'], defaultSource: 'api' });
    assert.ok(parsed.ok);
    assert.deepEqual(Object.entries(parsed.event.tags.extra ?? {}), [['__proto__', 'x']]);
  });
});

describe('a wire event tagged __proto__ with a bad value', () => {
  it('is refused with the field and the reason', () => {
    const wire = JSON.parse(
      '{"id":"e1","timestamp":"2026-03-09T14:03:11Z","provider":"openai","model":"gpt-4o",' +
        '"input_tokens":1,"output_tokens":1,"tags":{"__proto__":""}}',
    ) as unknown;
    const parsed = parseUsageEvent(wire, { knownProviders: ['openai'], defaultSource: 'api' });
    assert.deepEqual(parsed, {
      ok: false,
      issues: [{ field: 'tags.__proto__', reason: 'must not be empty' }],
    });
  });
});

describe('a wire event with 64 tags and one named __proto__', () => {
  it('is refused as over the limit of 64 keys', () => {
    const tags = Object.fromEntries(Array.from({ length: 64 }, (_, index) => [`k${index}`, 'v']));
    const wire = JSON.parse(
      JSON.stringify({
        id: 'e1',
        timestamp: '2026-03-09T14:03:11Z',
        provider: 'openai',
        model: 'gpt-4o',
        tags,
      }).replace('"tags":{', '"tags":{"__proto__":"x",'),
    ) as unknown;
    const parsed = parseUsageEvent(wire, { knownProviders: ['openai'], defaultSource: 'api' });
    assert.deepEqual(parsed, {
      ok: false,
      issues: [{ field: 'tags', reason: 'must have at most 64 keys' }],
    });
  });
});
