import type { Tags } from '../../domain/tags.ts';
import { ZERO_TOKENS, type TokenCounts } from '../../domain/token-classes.ts';
import type { CallStatus, UsageEvent } from '../../domain/usage-event.ts';
import type { ProviderAdapter } from '../provider-adapter.ts';
import type { RequestFacts, UsageReading } from '../wire-protocol.ts';
import { errorKindForStatus } from './error-kind-for-status.ts';
import type { PromptMeasure } from './measure-prompt.ts';

/** What the metering door (the gateway, or the SDK's fetch) knew about a call before sending it. */
export interface MeteredCall {
  source: 'gateway' | 'sdk';
  id: string;
  requestId: string;
  timestamp: number;
  provider: string;
  adapter: ProviderAdapter;
  facts: RequestFacts;
  tags: Tags;
  attempt: number;
  spanId: string;
  trace?: { traceId: string; parentSpanId: string };
  prompt?: PromptMeasure;
  /** The model the caller asked for, when the gateway sent the call to another (routing). */
  requestedModel?: string;
}

/** How the call ended. */
export interface MeteredCallEnd {
  /** The upstream's HTTP status; undefined when no answer came. */
  httpStatus?: number;
  reading: UsageReading;
  latencyMs: number;
  timeToFirstTokenMs?: number;
  failure?:
    | 'client-gone'
    | 'upstream-timeout'
    | 'upstream-gone'
    | 'upstream-unreachable'
    | 'request-too-large';
  /** Local count of the prompt, for calls cut before the provider reported usage. */
  estimateInputTokens: () => number;
  /** The provider was not called (an answer from the gateway's cache): nothing was used. */
  unbilled?: boolean;
}

const FAILURE_KINDS = {
  'upstream-timeout': 'timeout',
  'upstream-gone': 'upstream_disconnected',
  'upstream-unreachable': 'upstream_unreachable',
  'request-too-large': 'request_too_large',
} as const;

/** One usage event per call, whatever happened to it; the gateway and the SDK share it. */
export function buildCallEvent(call: MeteredCall, end: MeteredCallEnd): UsageEvent {
  const { reading } = end;
  const cutShort = end.failure === 'client-gone' || end.failure === 'upstream-gone';
  const reported = reading.reported && call.adapter.normalizeReportedUsage(reading.reported);
  const { status, errorKind } = classify(end);
  // An answer that ended well but never said what it used is estimated, never a silent 0.
  const unreported = !reported && status === 'ok' && !end.unbilled;
  const generated =
    cutShort || unreported || (end.failure === 'upstream-timeout' && reading.outputCharacters > 0);
  const tokens = generated ? estimateCutCall(reported, end) : (reported ?? ZERO_TOKENS);
  const model = reading.model ?? call.facts.model ?? 'unknown';
  const event: UsageEvent = {
    id: call.id,
    requestId: call.requestId,
    spanId: call.spanId,
    timestamp: call.timestamp,
    source: call.source,
    provider: call.provider,
    model,
    operation: call.facts.operation,
    serviceTier: reading.serviceTier ?? call.facts.requestedServiceTier ?? 'standard',
    tokens: { ...tokens },
    latencyMs: Math.round(end.latencyMs * 1000) / 1000,
    status,
    attempt: call.attempt,
    tags: call.tags,
  };
  const asked = call.requestedModel ?? call.facts.model;
  if (asked && asked !== model) event.requestedModel = asked;
  if (call.trace) Object.assign(event, call.trace);
  if (errorKind) event.errorKind = errorKind;
  if (end.timeToFirstTokenMs !== undefined) {
    event.timeToFirstTokenMs = Math.round(end.timeToFirstTokenMs * 1000) / 1000;
  }
  if (call.prompt) {
    event.prompt = call.prompt.composition;
    event.promptFingerprint = call.prompt.fingerprint;
  }
  if (generated) event.usageEstimated = true;
  return event;
}

function classify(end: MeteredCallEnd): { status: CallStatus; errorKind?: string } {
  if (end.failure === 'client-gone') return { status: 'aborted' };
  if (end.failure) return { status: 'error', errorKind: FAILURE_KINDS[end.failure] };
  if (end.httpStatus !== undefined && end.httpStatus >= 400) {
    return {
      status: 'error',
      errorKind: end.reading.errorKind ?? errorKindForStatus(end.httpStatus),
    };
  }
  if (end.reading.errorKind) return { status: 'error', errorKind: end.reading.errorKind };
  return { status: 'ok' };
}

/**
 * A stream cut before its final usage (or an answer without any): keep what the provider already said (Anthropic sends
 * input counts first) and estimate the rest — input from the local count of the prompt,
 * output at four characters a token from the text that streamed.
 */
function estimateCutCall(reported: TokenCounts | undefined, end: MeteredCallEnd): TokenCounts {
  const streamedOutput = Math.ceil(end.reading.outputCharacters / 4);
  if (reported) {
    const output = Math.max(reported.output, streamedOutput);
    return { ...reported, output, reasoning: Math.min(reported.reasoning, output) };
  }
  return { ...ZERO_TOKENS, input: end.estimateInputTokens(), output: streamedOutput };
}
