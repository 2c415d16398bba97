import type { TokenCounts } from '../domain/token-classes.ts';
import type { CallStatus, UsageEvent } from '../domain/usage-event.ts';
import { callLatency, errorLatency, retryBackoff, timeToFirstToken } from './call-timing.ts';
import type { AttemptsResult, DemoCall } from './demo-call.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { WorkloadContext } from './workload-context.ts';

const MAX_ATTEMPTS = 3;
const RETRY_CHANCE = 0.9;
/** A retry fails less often than a first try: the burst that caused the error has passed. */
const RETRY_ERROR_FACTOR = 0.6;
/** Share of streamed calls the client hangs up on before the end. */
const ABORT_CHANCE = 0.01;

/**
 * Writes one event per attempt of a call into the hour, timestamps relative to the call's
 * start: errors (rate limits and server errors bill nothing; a timeout bills the prompt),
 * retries linked by `retryOf`, a few aborted streams, then the outcome on the last attempt.
 * Never writes more than `budget` events.
 */
export function emitCallAttempts(
  call: DemoCall,
  startOffset: number,
  budget: number,
  context: WorkloadContext,
): AttemptsResult {
  const { random, ids, sink } = context;
  const model = call.choice.model;
  let offset = startOffset;
  let retryOf: string | undefined;
  for (let attempt = 1; ; attempt++) {
    const errorRate = attempt === 1 ? model.errorRate : model.errorRate * RETRY_ERROR_FACTOR;
    const errorKind = random.chance(errorRate) ? pickErrorKind(random.next()) : undefined;
    const retrying =
      errorKind !== undefined &&
      attempt < MAX_ATTEMPTS &&
      attempt < budget &&
      random.chance(RETRY_CHANCE);
    const aborted =
      errorKind === undefined && call.feature.streaming && random.chance(ABORT_CHANCE);
    const tokens =
      errorKind !== undefined
        ? errorTokens(errorKind, call.tokens)
        : aborted
          ? abortedTokens(call.tokens, random.next())
          : call.tokens;
    const status: CallStatus = errorKind !== undefined ? 'error' : aborted ? 'aborted' : 'ok';
    let latency: number;
    let firstTokenMs: number | undefined;
    if (errorKind !== undefined) {
      latency = errorLatency(errorKind, random);
    } else {
      const firstToken = timeToFirstToken(model, tokens, random);
      latency = callLatency(model, tokens, firstToken, random);
      if (call.feature.streaming && call.serviceTier !== 'batch') firstTokenMs = firstToken;
    }
    const traced = call.traceId !== undefined;
    // Every event is built with every field, in one order (absent ones undefined): events of
    // one shape are read several times faster when they are priced and laid out as columns.
    const event: UsageEvent = {
      id: '',
      requestId: ids.nextRequestId(),
      traceId: call.traceId,
      spanId: traced ? ids.nextSpanId() : undefined,
      parentSpanId: traced ? call.parentSpanId : undefined,
      timestamp: offset,
      source: 'demo',
      provider: model.provider,
      requestedModel: undefined,
      model: model.model,
      operation: model.operation,
      serviceTier: call.serviceTier,
      tokens,
      prompt: call.prompt,
      // A batch job's wall time is hours of queueing, not a latency anyone waits for.
      latencyMs: call.serviceTier !== 'batch' ? latency : undefined,
      timeToFirstTokenMs: firstTokenMs,
      status,
      errorKind,
      attempt,
      retryOf,
      cacheOutcome: undefined,
      promptFingerprint: call.promptFingerprint,
      tags: call.tags,
      outcome: undefined,
      score: undefined,
      usageEstimated: undefined,
      givenCost: undefined,
      avoidedCost: undefined,
      trimmedTokens: undefined,
    };
    if (!retrying) recordOutcome(event, call, random);
    sink.push(event);
    if (!retrying || errorKind === undefined) {
      return {
        emitted: attempt,
        succeeded: status === 'ok',
        endOffset: offset + latency,
        spanId: event.spanId,
      };
    }
    retryOf = event.requestId;
    offset += latency + retryBackoff(errorKind, attempt, random);
  }
}

function pickErrorKind(draw: number): string {
  return draw < 0.55 ? 'rate_limit' : draw < 0.85 ? 'server_error' : 'timeout';
}

function errorTokens(errorKind: string, tokens: TokenCounts): TokenCounts {
  const billsPrompt = errorKind === 'timeout';
  return {
    input: billsPrompt ? tokens.input : 0,
    output: 0,
    cacheRead: billsPrompt ? tokens.cacheRead : 0,
    cacheWrite: billsPrompt ? tokens.cacheWrite : 0,
    cacheWrite1h: billsPrompt ? tokens.cacheWrite1h : 0,
    reasoning: 0,
  };
}

/** The stream stops part-way; reasoning comes first, so it is cut last. */
function abortedTokens(tokens: TokenCounts, fraction: number): TokenCounts {
  const output = Math.floor(tokens.output * fraction);
  return { ...tokens, output, reasoning: Math.min(tokens.reasoning, output) };
}

/** Features that measure outcomes report one per finished request, a score where rated. */
function recordOutcome(event: UsageEvent, call: DemoCall, random: SeededRandom): void {
  const successRate = call.choice.successRate;
  if (successRate === undefined) return;
  const success = event.status === 'ok' && random.next() < successRate;
  event.outcome = success ? 'success' : 'failure';
  if (call.feature.scored && event.status === 'ok') {
    const score = success ? 0.55 + 0.45 * random.next() : 0.5 * random.next();
    event.score = Math.round(score * 100) / 100;
  }
}
