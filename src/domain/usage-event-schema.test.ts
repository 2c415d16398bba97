import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUsageEvent } from './usage-event-schema.ts';

const options = { knownProviders: ['openai', 'anthropic'], defaultSource: 'api' as const };
const valid = {
  id: 'evt-1',
  timestamp: '2026-03-09T14:03:11.250Z',
  provider: 'openai',
  model: 'o4-mini',
  input_tokens: 3200,
  output_tokens: 920,
  cache_read_tokens: 2048,
  reasoning_tokens: 640,
  tags: { team: 'search', feature: 'answer', region: 'eu' },
  request_id: 'req-1',
  outcome: 'success',
};

describe('parseUsageEvent', () => {
  it('turns the wire event into the domain event, six tags apart from free tags', () => {
    const parsed = parseUsageEvent(valid, options);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.event.tokens, {
      input: 3200,
      output: 920,
      cacheRead: 2048,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 640,
    });
    assert.deepEqual(parsed.event.tags, {
      team: 'search',
      feature: 'answer',
      extra: { region: 'eu' },
    });
    assert.equal(parsed.event.timestamp, Date.UTC(2026, 2, 9, 14, 3, 11, 250));
    assert.equal(parsed.event.source, 'api');
    assert.equal(parsed.event.serviceTier, 'standard');
    assert.equal(parsed.event.status, 'ok');
    assert.equal(parsed.event.attempt, 1);
    assert.equal(parsed.event.outcome, 'success');
    assert.equal('latencyMs' in parsed.event, false, 'unknown stays absent, never 0');
  });

  it('refuses a negative token count naming the field', () => {
    const parsed = parseUsageEvent({ ...valid, output_tokens: -1 }, options);
    assert.equal(parsed.ok, false);
    assert.deepEqual(!parsed.ok && parsed.issues.map((issue) => issue.field), ['output_tokens']);
  });

  it('refuses cache reads that are not part of input, and reasoning beyond output', () => {
    const parsed = parseUsageEvent(
      { ...valid, cache_read_tokens: 4000, reasoning_tokens: 1000 },
      options,
    );
    assert.equal(parsed.ok, false);
    assert.deepEqual(!parsed.ok && parsed.issues.map((issue) => issue.field).sort(), [
      'input_tokens',
      'reasoning_tokens',
    ]);
  });

  it('refuses an unknown provider, listing the known ones', () => {
    const parsed = parseUsageEvent({ ...valid, provider: 'openia' }, options);
    assert.equal(parsed.ok, false);
    assert.match(
      !parsed.ok ? (parsed.issues[0]?.reason ?? '') : '',
      /openia.*known: openai, anthropic/,
    );
  });

  it('refuses missing required fields, bad dates and misspelt keys', () => {
    const { id: _id, ...withoutId } = valid;
    const parsed = parseUsageEvent(
      { ...withoutId, timestamp: 'yesterday', input_token: 5 },
      options,
    );
    assert.equal(parsed.ok, false);
    const fields = !parsed.ok ? parsed.issues.map((issue) => issue.field) : [];
    assert.ok(fields.includes('id'));
    assert.ok(fields.includes('timestamp'));
    assert.ok(fields.some((field) => field === '(event)' || field.includes('input_token')));
  });

  it('takes a given cost and missing counts as 0', () => {
    const parsed = parseUsageEvent(
      { id: 'x', timestamp: '2026-03-09T00:00:00Z', provider: 'anthropic', model: 'm', cost: 0.25 },
      options,
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.event.givenCost, 0.25);
    assert.equal(parsed.event.tokens.input, 0);
  });
});
