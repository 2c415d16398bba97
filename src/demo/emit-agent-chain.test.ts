import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UsageEvent } from '../domain/usage-event.ts';
import { generateDemoWorkload } from './generate-demo-workload.ts';

const options = { days: 3, seed: 5, end: Date.UTC(2025, 9, 9), eventsPerDay: 6000 };
const traces = new Map<string, UsageEvent[]>();
for (const event of [...generateDemoWorkload(options, 5000)].flat()) {
  if (event.traceId === undefined) continue;
  traces.set(event.traceId, [...(traces.get(event.traceId) ?? []), event]);
}

describe('emitAgentChain', () => {
  it('writes coding-agent traces only', () => {
    assert.ok(traces.size > 100, `${traces.size} traces`);
    for (const events of traces.values()) {
      assert.ok(events.every((event) => event.tags.feature === 'coding-agent'));
    }
  });

  it('links every step to a parent span inside its own trace', () => {
    for (const [traceId, events] of traces) {
      const spans = new Set(events.map((event) => event.spanId));
      assert.equal(spans.size, events.length, `span ids repeat in ${traceId}`);
      assert.ok(
        events.some((event) => event.parentSpanId === undefined),
        `${traceId} has no root`,
      );
      for (const event of events) {
        if (event.parentSpanId !== undefined) assert.ok(spans.has(event.parentSpanId), traceId);
      }
    }
  });

  it('grows a few-hundred-token request into a context of thousands of tokens', () => {
    const growths: number[] = [];
    for (const events of traces.values()) {
      const answered = events.filter((event) => event.status === 'ok');
      const first = answered[0];
      const last = answered[answered.length - 1];
      if (first === undefined || last === undefined || answered.length < 6) continue;
      assert.ok(last.tokens.input > first.tokens.input);
      growths.push(last.tokens.input - first.tokens.input);
    }
    growths.sort((left, right) => left - right);
    const median = growths[Math.floor(growths.length / 2)] ?? 0;
    assert.ok(median > 5000 && median < 20_000, `median growth ${median}`);
  });

  it('puts the task outcome on every finished step of a trace', () => {
    for (const events of traces.values()) {
      const outcomes = new Set(events.flatMap((event) => (event.outcome ? [event.outcome] : [])));
      assert.ok(outcomes.size <= 1);
    }
  });
});
