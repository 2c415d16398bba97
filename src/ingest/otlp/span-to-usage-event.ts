import { findTokenProblems } from '../../domain/token-classes.ts';
import type { ServiceTier, UsageEvent } from '../../domain/usage-event.ts';
import { buildTokenCounts } from './build-token-counts.ts';
import { readCurrentGenAiUsage } from './current-genai-convention.ts';
import { readLegacyGenAiUsage } from './legacy-genai-convention.ts';
import { mapProviderName } from './map-provider-name.ts';
import { STATUS_ERROR, type Attributes, type OtlpSpan } from './otlp-span.ts';
import { spanTags } from './span-tags.ts';

export interface SpanMappingOptions {
  knownProviders: readonly string[];
  /** Attribute name → tag name (config `otlp.tagAttributes`). */
  tagAttributes: Readonly<Record<string, string>>;
}

/** An event; `skipped` for a span that is not a model call; else why the span is refused. */
export type SpanMapping = { event: UsageEvent } | { skipped: true } | { refused: string };

const NANOS_PER_MS = 1_000_000n;
/** The events API's limit on a model name, so both doors keep the same events. */
const MAX_MODEL_LENGTH = 256;
const TIERS: Readonly<Record<string, ServiceTier>> = { flex: 'flex', priority: 'priority' };

/** One GenAI span as a usage event, whichever attribute convention its instrumentation used. */
export function spanToUsageEvent(span: OtlpSpan, options: SpanMappingOptions): SpanMapping {
  const attributes = span.attributes;
  const usage = readCurrentGenAiUsage(attributes) ?? readLegacyGenAiUsage(attributes);
  if (!usage) return { skipped: true };
  const tokens = buildTokenCounts(usage);
  const problems = findTokenProblems(tokens);
  if (problems.length > 0) {
    return { refused: problems.map((item) => `${item.field} ${item.reason}`).join('; ') };
  }
  const providerName =
    text(attributes, 'gen_ai.provider.name') ?? text(attributes, 'gen_ai.system');
  if (!providerName) return { refused: 'has usage but no gen_ai.provider.name (or gen_ai.system)' };
  const provider = mapProviderName(providerName, options.knownProviders);
  if (!provider) {
    return {
      refused: `provider "${providerName}" is not known here (known: ${options.knownProviders.join(', ')})`,
    };
  }
  const requestedModel = text(attributes, 'gen_ai.request.model');
  const model = text(attributes, 'gen_ai.response.model') ?? requestedModel;
  if (!model) return { refused: 'has usage but no gen_ai.response.model or gen_ai.request.model' };
  if (model.length > MAX_MODEL_LENGTH || (requestedModel?.length ?? 0) > MAX_MODEL_LENGTH) {
    return { refused: `has a model name longer than ${MAX_MODEL_LENGTH} characters` };
  }
  const operation =
    text(attributes, 'gen_ai.operation.name') ?? text(attributes, 'llm.request.type');
  const requestId = text(attributes, 'gen_ai.response.id');
  const errorKind = text(attributes, 'error.type');
  const firstChunk = attributes.get('gen_ai.response.time_to_first_chunk');
  const tier =
    text(attributes, 'openai.response.service_tier') ??
    text(attributes, 'gen_ai.openai.response.service_tier');
  return {
    event: {
      id: `otlp-${span.traceId}-${span.spanId}`,
      ...(requestId ? { requestId } : {}),
      traceId: span.traceId,
      spanId: span.spanId,
      ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
      timestamp: Number(span.startTimeUnixNano / NANOS_PER_MS),
      source: 'otlp',
      provider,
      ...(requestedModel && requestedModel !== model ? { requestedModel } : {}),
      model,
      ...(operation ? { operation } : {}),
      serviceTier: (tier === undefined ? undefined : TIERS[tier]) ?? 'standard',
      tokens,
      latencyMs: Number(span.endTimeUnixNano - span.startTimeUnixNano) / Number(NANOS_PER_MS),
      ...(typeof firstChunk === 'number' && Number.isFinite(firstChunk) && firstChunk >= 0
        ? { timeToFirstTokenMs: firstChunk * 1000 }
        : {}),
      status: span.statusCode === STATUS_ERROR ? 'error' : 'ok',
      ...(span.statusCode === STATUS_ERROR && errorKind ? { errorKind } : {}),
      attempt: 1,
      tags: spanTags(span, options.tagAttributes),
    },
  };
}

function text(attributes: Attributes, key: string): string | undefined {
  const value = attributes.get(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
