import assert from 'node:assert/strict';
import { it } from 'node:test';
import { NotFoundError } from '../domain/errors/index.ts';
import type { TraceCall } from '../store/insights-spec.ts';
import { buildTraceTree } from './trace-tree.ts';

function traceCall(spanId: string, parentSpanId: string | null, inputTokens: number): TraceCall {
  return {
    id: spanId,
    spanId,
    parentSpanId,
    timestamp: 0,
    provider: 'openai',
    model: 'gpt-4o',
    status: 'ok',
    attempt: 1,
    feature: 'chat',
    inputTokens,
    outputTokens: 0,
    cost: 0,
    latencyMs: null,
  };
}

it('keeps calls whose parent is missing or that form a loop, as roots', () => {
  const tree = buildTraceTree('t', [
    traceCall('a', 'gone', 100),
    traceCall('b', 'c', 200),
    traceCall('c', 'b', 300),
  ]);
  assert.deepEqual(
    tree.steps.map((step) => [step.span_id, step.depth]),
    [
      ['a', 0],
      ['b', 0],
      ['c', 1],
    ],
  );
  assert.equal(tree.grew_most_step, 3);
  assert.equal(tree.fan_out, 6);
});

it('refuses an unknown trace id with a fix', () => {
  assert.throws(() => buildTraceTree('t', []), NotFoundError);
});
