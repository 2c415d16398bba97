import type { ClassCosts } from './money.ts';
import type { PromptComposition, TokenCounts } from './token-classes.ts';
import type { Tags } from './tags.ts';

/** `batch`: results of requests sent through a provider's batch API (`tokenops batch`). */
export const EVENT_SOURCES = ['gateway', 'sdk', 'otlp', 'api', 'import', 'demo', 'batch'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const SERVICE_TIERS = ['standard', 'batch', 'flex', 'priority'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

export const CALL_STATUSES = ['ok', 'error', 'aborted'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CACHE_OUTCOMES = ['hit', 'miss', 'bypass'] as const;
export type CacheOutcome = (typeof CACHE_OUTCOMES)[number];

export const OUTCOMES = ['success', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Non-fatal problems carried on the event instead of a silent zero. */
export const EVENT_FLAGS = ['price-missing', 'usage-estimated'] as const;
export type EventFlag = (typeof EVENT_FLAGS)[number];

/** One model call, as any door (gateway, SDK, OTLP, events API, import, demo) records it. */
export interface UsageEvent {
  id: string;
  requestId?: string;
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  /** Epoch milliseconds, UTC. */
  timestamp: number;
  source: EventSource;
  provider: string;
  /** The model the caller asked for, when it differs from the one that served. */
  requestedModel?: string;
  /** The model that served the call (what it is priced as). */
  model: string;
  /** chat, responses, messages, generate_content, embeddings, converse… */
  operation?: string;
  serviceTier: ServiceTier;
  tokens: TokenCounts;
  prompt?: PromptComposition;
  latencyMs?: number;
  timeToFirstTokenMs?: number;
  status: CallStatus;
  /** rate_limit, server_error, timeout, invalid_request… when status is error. */
  errorKind?: string;
  /** 1 for the first try. */
  attempt: number;
  /** The request id this call retried. */
  retryOf?: string;
  cacheOutcome?: CacheOutcome;
  promptFingerprint?: string;
  tags: Tags;
  outcome?: Outcome;
  score?: number;
  /** The provider never reported usage (a cut stream): the counts are the gateway's estimate. */
  usageEstimated?: boolean;
  /** A cost given by the source (e.g. an SDK that knows its bill); overrides pricing. */
  givenCost?: number;
  /** A cache hit's saving: the effective cost (USD) of the call whose answer it replayed. */
  avoidedCost?: number;
  /** Prompt tokens (counted locally) the gateway's context ceiling trimmed from the request. */
  trimmedTokens?: number;
}

/** Costs as the pricing step attached them; null costs mean the model is unpriced. */
export interface EventPricing {
  currency: string;
  /** Catalog and override version the costs were computed with. */
  priceVersion: string;
  /** `standard` or `long` — whether a long-context rate applied to the whole request. */
  contextTier: 'standard' | 'long';
  list: ClassCosts | null;
  effective: ClassCosts | null;
  flags: EventFlag[];
}

export interface PricedUsageEvent extends UsageEvent {
  pricing: EventPricing;
}
