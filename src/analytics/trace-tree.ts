import { NotFoundError } from '../domain/errors/index.ts';
import { toStoredPrecision } from '../domain/money.ts';
import type { TraceCall } from '../store/insights-spec.ts';
import { fanOut } from './traces-report.ts';

/** One call of a trace, placed in its tree. */
export type TraceStep = {
  step: number;
  depth: number;
  /** The model, indented two spaces per level, for tables. */
  call: string;
  span_id: string | null;
  parent_span_id: string | null;
  status: string;
  attempt: number;
  input_tokens: number;
  output_tokens: number;
  cost: number;
  /** Input tokens over its parent's: how much context this step added (null for a root). */
  context_growth: number | null;
  grew_most: boolean;
};

export type TraceTree = {
  trace_id: string;
  calls: number;
  tokens: number;
  cost: number;
  first_call_tokens: number;
  fan_out: number | null;
  /** The step that added the most input tokens over its parent, null when none grew. */
  grew_most_step: number | null;
  steps: TraceStep[];
};

/**
 * Rebuilds the call tree from span and parent span ids: children in time order under their
 * parent, depth first. A call whose parent is not in the trace (or has no span id) is a root. No calls
 * means the id is unknown: the caller's error, not an empty tree.
 */
export function buildTraceTree(traceId: string, calls: readonly TraceCall[]): TraceTree {
  if (calls.length === 0) {
    throw new NotFoundError(
      'no trace with that id',
      'list trace ids with tokenops traces --top 10',
    );
  }
  const bySpan = new Map(calls.flatMap((call) => (call.spanId ? [[call.spanId, call]] : [])));
  const children = new Map<TraceCall | null, TraceCall[]>();
  for (const call of calls) {
    const parent = call.parentSpanId ? (bySpan.get(call.parentSpanId) ?? null) : null;
    children.set(parent, [...(children.get(parent) ?? []), call]);
  }
  const steps: TraceStep[] = [];
  const placed = new Set<TraceCall>();
  const visit = (
    parent: TraceCall | null,
    depth: number,
    siblings: readonly TraceCall[] = children.get(parent) ?? [],
  ): void => {
    for (const call of siblings) {
      if (placed.has(call)) continue;
      placed.add(call);
      steps.push({
        step: steps.length + 1,
        depth,
        call: `${'  '.repeat(depth)}${call.model}`,
        span_id: call.spanId,
        parent_span_id: call.parentSpanId,
        status: call.status,
        attempt: call.attempt,
        input_tokens: call.inputTokens,
        output_tokens: call.outputTokens,
        cost: call.cost,
        context_growth: parent ? call.inputTokens - parent.inputTokens : null,
        grew_most: false,
      });
      visit(call, depth + 1);
    }
  };
  visit(null, 0);
  // Spans that name each other as parents have no root; they are shown as roots, not lost.
  for (const call of calls) if (!placed.has(call)) visit(null, 0, [call]);
  let most: TraceStep | null = null;
  for (const step of steps) {
    if ((step.context_growth ?? 0) > (most?.context_growth ?? 0)) most = step;
  }
  if (most) most.grew_most = true;
  const first = calls[0];
  const firstTokens = first ? first.inputTokens + first.outputTokens : 0;
  const tokens = calls.reduce((sum, call) => sum + call.inputTokens + call.outputTokens, 0);
  return {
    trace_id: traceId,
    calls: calls.length,
    tokens,
    cost: toStoredPrecision(calls.reduce((sum, call) => sum + call.cost, 0)),
    first_call_tokens: firstTokens,
    fan_out: fanOut(tokens, firstTokens),
    grew_most_step: most?.step ?? null,
    steps,
  };
}
