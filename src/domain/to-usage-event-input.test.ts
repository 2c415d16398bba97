import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toUsageEventInput } from './to-usage-event-input.ts';
import { parseUsageEvent } from './usage-event-schema.ts';
import type { UsageEvent } from './usage-event.ts';

const full: UsageEvent = {
  id: 'evt-1',
  requestId: 'req-1',
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  parentSpanId: '00f067aa0ba902b7',
  timestamp: Date.UTC(2026, 10, 30, 12, 0, 0, 250),
  source: 'sdk',
  provider: 'anthropic',
  requestedModel: 'claude-sonnet-4-5',
  model: 'claude-sonnet-4-5-20250929',
  operation: 'messages',
  serviceTier: 'priority',
  tokens: {
    input: 1200,
    output: 300,
    cacheRead: 800,
    cacheWrite: 100,
    cacheWrite1h: 40,
    reasoning: 50,
  },
  prompt: { systemPromptTokens: 700, toolDefinitionTokens: 90 },
  latencyMs: 812.5,
  timeToFirstTokenMs: 95.25,
  status: 'aborted',
  attempt: 2,
  retryOf: 'req-0',
  cacheOutcome: 'miss',
  promptFingerprint: '0123456789abcdef',
  tags: { team: 'search', feature: 'answer', extra: { region: 'eu' } },
  outcome: 'success',
  score: 0.5,
  usageEstimated: true,
  givenCost: 0.01,
  avoidedCost: 0.00042,
  trimmedTokens: 350,
};

test('the wire form of an event parses back to the same event', () => {
  const parsed = parseUsageEvent(JSON.parse(JSON.stringify(toUsageEventInput(full))), {
    knownProviders: ['anthropic'],
    defaultSource: 'api',
  });
  assert.deepEqual(parsed, { ok: true, event: full });
});

test('absent fields stay absent on the wire (no nulls, no zeros made up)', () => {
  const wire = toUsageEventInput({
    id: 'evt-2',
    timestamp: 0,
    source: 'sdk',
    provider: 'openai',
    model: 'gpt-4o-mini',
    serviceTier: 'standard',
    tokens: { input: 1, output: 2, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 },
    status: 'ok',
    attempt: 1,
    tags: {},
  });
  assert.deepEqual(Object.keys(wire).sort(), [
    'attempt',
    'cache_read_tokens',
    'cache_write_1h_tokens',
    'cache_write_tokens',
    'id',
    'input_tokens',
    'model',
    'output_tokens',
    'provider',
    'reasoning_tokens',
    'service_tier',
    'source',
    'status',
    'tags',
    'timestamp',
  ]);
});
