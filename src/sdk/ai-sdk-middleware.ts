import { randomBytes, randomUUID } from 'node:crypto';
import type { Tags } from '../domain/tags.ts';
import type { ReportedUsage } from '../domain/token-classes.ts';
import type { UsageEvent } from '../domain/usage-event.ts';
import type { ProviderAdapter, ProviderRegistry } from '../providers/index.ts';
import { buildCallEvent, type MeteredCallEnd } from '../providers/metering/build-call-event.ts';
import { errorKindForStatus } from '../providers/metering/error-kind-for-status.ts';
import type { RequestFacts, UsageReading } from '../providers/wire-protocol.ts';
import type { PromptMeasurer } from './prompt-meter.ts';

/** The AI SDK's usage (language model specification v3, ai 6). */
interface AiSdkUsage {
  inputTokens?: { total?: number; cacheRead?: number; cacheWrite?: number };
  outputTokens?: { total?: number; reasoning?: number };
  /** The provider's own usage object. */
  raw?: unknown;
}

interface AiSdkModel {
  provider: string;
  modelId: string;
}

interface AiSdkCallOptions {
  prompt?: readonly { role: string; content: unknown }[];
  tools?: readonly unknown[];
}

interface AiSdkResult {
  usage?: AiSdkUsage;
  response?: { modelId?: string };
  providerMetadata?: Record<string, Record<string, unknown> | undefined>;
}

/** A stream part: its type, and fields read by name (delta, modelId, usage, error…). */
interface StreamPart {
  type: string;
}

/**
 * The endpoints behind the AI SDK's provider ids whose raw usage tokenops reads exactly, as
 * the gateway does; other models are metered from the AI SDK's own normalised counts.
 */
const KNOWN_ENDPOINTS: Readonly<
  Record<string, { provider: string; path: string; operation: string }>
> = {
  'openai.chat': { provider: 'openai', path: '/v1/chat/completions', operation: 'chat' },
  'openai.responses': { provider: 'openai', path: '/v1/responses', operation: 'responses' },
  'anthropic.messages': { provider: 'anthropic', path: '/v1/messages', operation: 'messages' },
};

/** AI SDK provider prefixes that tokenops names differently. */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  google: 'gemini',
  'amazon-bedrock': 'bedrock',
};

export interface AiSdkMiddlewareOptions {
  tags: Tags;
  /** Meter as this provider instead of the one the model names. */
  provider?: string;
  registry: ProviderRegistry;
  loadMeasurer: () => Promise<PromptMeasurer>;
  record: (event: UsageEvent) => void;
  report: (error: Error) => void;
  /** Holds work still to finish recording a call, so a flush can wait for it. */
  track: (work: Promise<unknown>) => void;
}

/**
 * A Vercel AI SDK language-model middleware (`wrapLanguageModel({ model, middleware })`): one
 * usage event per generate or stream call, sent in the background; the call itself is never
 * changed, failed or delayed by metering.
 */
export function createAiSdkMiddleware(options: AiSdkMiddlewareOptions) {
  const meter = (model: AiSdkModel, params: AiSdkCallOptions, stream: boolean) => {
    const started = performance.now();
    const timestamp = Date.now();
    return (end: Omit<MeteredCallEnd, 'latencyMs' | 'estimateInputTokens'>): void => {
      const latencyMs = performance.now() - started;
      options.track(
        recordCall(options, { model, params, stream, timestamp }, { ...end, latencyMs }).catch(
          (error: unknown) =>
            options.report(new Error(`tokenops: could not record a call: ${String(error)}`)),
        ),
      );
    };
  };
  return {
    specificationVersion: 'v3' as const,
    async wrapGenerate<Result extends AiSdkResult>(call: {
      doGenerate: () => PromiseLike<Result>;
      params: AiSdkCallOptions;
      model: AiSdkModel;
    }): Promise<Result> {
      const record = meter(call.model, call.params, false);
      try {
        const result = await call.doGenerate();
        record({ reading: readResult(options, call.model, result) });
        return result;
      } catch (error) {
        record({ reading: { outputCharacters: 0, errorKind: errorKindOf(error) } });
        throw error;
      }
    },
    async wrapStream<
      Part extends StreamPart,
      Result extends { stream: ReadableStream<Part> },
    >(call: {
      doStream: () => PromiseLike<Result>;
      params: AiSdkCallOptions;
      model: AiSdkModel;
    }): Promise<Result> {
      const record = meter(call.model, call.params, true);
      let result: Result;
      try {
        result = await call.doStream();
      } catch (error) {
        record({ reading: { outputCharacters: 0, errorKind: errorKindOf(error) } });
        throw error;
      }
      return { ...result, stream: watchStream(options, call.model, result.stream, record) };
    },
  };
}

export type AiSdkMiddleware = ReturnType<typeof createAiSdkMiddleware>;

function watchStream<Part extends StreamPart>(
  options: AiSdkMiddlewareOptions,
  model: AiSdkModel,
  stream: ReadableStream<Part>,
  record: (end: Omit<MeteredCallEnd, 'latencyMs' | 'estimateInputTokens'>) => void,
): ReadableStream<Part> {
  const started = performance.now();
  let timeToFirstTokenMs: number | undefined;
  let outputCharacters = 0;
  let modelId: string | undefined;
  let reading: UsageReading | undefined;
  let errorKind: string | undefined;
  let done = false;
  const finish = (failure?: 'client-gone'): void => {
    if (done) return;
    done = true;
    const base = reading ?? { outputCharacters };
    record({
      reading: { ...base, outputCharacters, ...(errorKind ? { errorKind } : {}) },
      ...(timeToFirstTokenMs === undefined ? {} : { timeToFirstTokenMs }),
      ...(failure ? { failure } : {}),
    });
  };
  const watch = new TransformStream<Part, Part>({
    transform(streamed, controller) {
      const part = streamed as StreamPart & Record<string, unknown>;
      if (typeof part.delta === 'string' && part.delta.length > 0) {
        timeToFirstTokenMs ??= performance.now() - started;
        outputCharacters += part.delta.length;
      }
      if (part.type === 'response-metadata' && typeof part.modelId === 'string') {
        modelId = part.modelId;
      }
      if (part.type === 'finish') {
        reading = readResult(options, model, {
          usage: part.usage as AiSdkUsage,
          ...(modelId ? { response: { modelId } } : {}),
          ...(part.providerMetadata
            ? { providerMetadata: part.providerMetadata as AiSdkResult['providerMetadata'] }
            : {}),
        });
      }
      if (part.type === 'error') errorKind = errorKindOf(part.error);
      controller.enqueue(streamed);
    },
    flush() {
      finish();
    },
  });
  const watched = stream.pipeThrough(watch);
  const reader = watched.getReader();
  return new ReadableStream<Part>({
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      finish('client-gone');
      await reader.cancel(reason);
    },
  });
}

/** A reading whose counts the AI SDK already normalised (not the provider's raw usage). */
const NORMALISED = Symbol('normalised by the AI SDK');
type MiddlewareReading = UsageReading & { [NORMALISED]?: true };

/**
 * Usage from the provider's raw object when tokenops knows its shape, else the AI SDK's
 * counts. `model` is the AI SDK's model object: its `provider` may be a getter, so it is
 * read in place, never copied.
 */
function readResult(
  options: AiSdkMiddlewareOptions,
  model: AiSdkModel,
  result: AiSdkResult,
): MiddlewareReading {
  const servedModel = result.response?.modelId ?? model.modelId;
  const tier = result.providerMetadata?.openai?.serviceTier;
  const known = KNOWN_ENDPOINTS[model.provider];
  const usage = result.usage;
  if (known && !options.provider && usage?.raw !== undefined) {
    const route = options.registry.get(known.provider).gateway.matchPath('POST', known.path);
    const reading = route?.protocol.readResponseUsage(
      { usage: usage.raw, model: servedModel, ...(tier ? { service_tier: tier } : {}) },
      {},
    );
    if (reading?.reported) return reading;
  }
  return {
    model: servedModel,
    outputCharacters: 0,
    ...(usage ? { reported: countsOf(usage), [NORMALISED]: true as const } : {}),
  };
}

/** The AI SDK's counts are already normalised as tokenops counts them (input includes cache). */
function countsOf(usage: AiSdkUsage): ReportedUsage {
  return {
    input: usage.inputTokens?.total ?? 0,
    cacheRead: usage.inputTokens?.cacheRead ?? 0,
    cacheWrite: usage.inputTokens?.cacheWrite ?? 0,
    cacheWrite1h: 0,
    output: usage.outputTokens?.total ?? 0,
    reasoning: usage.outputTokens?.reasoning ?? 0,
  };
}

async function recordCall(
  options: AiSdkMiddlewareOptions,
  call: { model: AiSdkModel; params: AiSdkCallOptions; stream: boolean; timestamp: number },
  end: Omit<MeteredCallEnd, 'estimateInputTokens'>,
): Promise<void> {
  const known = KNOWN_ENDPOINTS[call.model.provider];
  const prefix = call.model.provider.split('.')[0] ?? call.model.provider;
  const provider = options.provider ?? known?.provider ?? PROVIDER_NAMES[prefix] ?? prefix;
  const adapter = options.registry.get(provider);
  const normalised = (end.reading as MiddlewareReading)[NORMALISED] === true;
  const facts = readFacts(call.model, call.params, call.stream, known?.operation ?? 'generate');
  const measurer = await options.loadMeasurer();
  const prompt = measurer.measure(facts, 'o200k_base');
  const event = buildCallEvent(
    {
      source: 'sdk',
      id: randomUUID(),
      requestId: `req_${randomUUID().replaceAll('-', '')}`,
      timestamp: call.timestamp,
      provider,
      adapter: normalised ? alreadyNormalised(adapter) : adapter,
      facts,
      tags: options.tags,
      attempt: 1,
      spanId: randomBytes(8).toString('hex'),
      ...(prompt ? { prompt } : {}),
    },
    { ...end, estimateInputTokens: () => measurer.countTokens(facts.promptText()) },
  );
  options.record(event);
}

/** Counts the AI SDK normalised must not be normalised again by the provider's rules. */
function alreadyNormalised(adapter: ProviderAdapter): ProviderAdapter {
  return { ...adapter, normalizeReportedUsage: (reported) => reported };
}

function readFacts(
  model: AiSdkModel,
  params: AiSdkCallOptions,
  stream: boolean,
  operation: string,
): RequestFacts {
  const messages = params.prompt ?? [];
  const system = messages
    .filter((message) => message.role === 'system' && typeof message.content === 'string')
    .map((message) => message.content as string)
    .join('\n');
  const tools = params.tools && params.tools.length > 0 ? JSON.stringify(params.tools) : '';
  return {
    model: model.modelId,
    stream,
    operation,
    ...(system ? { systemPrompt: system } : {}),
    ...(tools ? { toolDefinitions: tools } : {}),
    promptText: () => JSON.stringify(messages),
  };
}

function errorKindOf(error: unknown): string {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? errorKindForStatus(status) : 'unknown';
}
