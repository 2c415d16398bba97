import { mergeTags } from '../domain/merge-tags.ts';
import { tagsFromFlat, type Tags } from '../domain/tags.ts';
import { createProviderRegistry, type CompatibleProvider } from '../providers/index.ts';
import { createAiSdkMiddleware, type AiSdkMiddleware } from './ai-sdk-middleware.ts';
import { createMeteredFetch, type Fetch } from './create-metered-fetch.ts';
import { createEventSender, type EventSenderOptions, type SenderStats } from './event-sender.ts';
import { createPromptMeter } from './prompt-meter.ts';
import { wrapClient, type ProviderClient } from './wrap-client.ts';

/** Tags as flat key/values: the six (team, service, feature, environment, customer, user) and any other. */
export type TagValues = Readonly<Record<string, string>>;

export interface TokenopsOptions extends EventSenderOptions {
  /** Tags on every call this SDK meters; a wrapper's or a call's own tags win key by key. */
  tags?: TagValues;
  /** OpenAI-compatible providers the server knows (`providers.NAME.kind: openai-compatible`). */
  compatibleProviders?: readonly CompatibleProvider[];
}

export interface WrapOptions {
  tags?: TagValues;
  /** Record calls as this provider (e.g. `azure`, or a compatible provider's name). */
  provider?: string;
}

export interface Tokenops {
  /** A metered copy of an `openai` client (chat completions, responses, embeddings; streams too). */
  wrapOpenAI<Client extends ProviderClient>(client: Client, options?: WrapOptions): Client;
  /** A metered copy of an `@anthropic-ai/sdk` client (messages; streams too). */
  wrapAnthropic<Client extends ProviderClient>(client: Client, options?: WrapOptions): Client;
  /** A metered fetch for any client that takes one (e.g. `createOpenAI({ fetch })` of the AI SDK). */
  fetch(provider: string, options?: { tags?: TagValues; fetch?: Fetch; basePath?: string }): Fetch;
  /** A Vercel AI SDK middleware for `wrapLanguageModel`. */
  aiSdkMiddleware(options?: WrapOptions): AiSdkMiddleware;
  /** Sends what is queued. */
  flush(): Promise<void>;
  /** Flushes and stops the background timer; call it before the process exits. */
  shutdown(): Promise<void>;
  stats(): SenderStats;
}

/**
 * The SDK: meters provider calls made in this process and sends their usage events to a
 * tokenops server (POST /api/v1/events) in batches. tokenops being down, slow or refusing
 * never fails or slows a model call; problems go to `onError`.
 */
export function createTokenops(options: TokenopsOptions): Tokenops {
  const report = (error: Error): void => {
    try {
      options.onError?.(error);
    } catch {
      // The caller's own error handler failed; metering and sending carry on regardless.
    }
  };
  const sender = createEventSender({ ...options, onError: report });
  const registry = createProviderRegistry(options.compatibleProviders ?? []);
  const loadMeasurer = createPromptMeter();
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    pending.add(work);
    const done = (): boolean => pending.delete(work);
    void work.then(done, done);
  };
  const flush = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
    await sender.flush();
  };
  const tagsFor = (values: TagValues | undefined): Tags =>
    mergeTags(
      tagsFromFlat(Object.entries(values ?? {})),
      tagsFromFlat(Object.entries(options.tags ?? {})),
    );
  const meteredFetch = (
    provider: string,
    tags: TagValues | undefined,
    fetch: Fetch,
    basePath: string,
  ): Fetch =>
    createMeteredFetch({
      adapter: registry.get(provider),
      basePath,
      tags: tagsFor(tags),
      loadMeasurer,
      record: (event) => sender.enqueue(event),
      report,
      track,
      fetch,
    });
  return {
    wrapOpenAI: (client, wrap) =>
      wrapClient(client, (fetch, basePath) =>
        meteredFetch(wrap?.provider ?? 'openai', wrap?.tags, fetch, basePath),
      ),
    wrapAnthropic: (client, wrap) =>
      wrapClient(client, (fetch, basePath) =>
        meteredFetch(wrap?.provider ?? 'anthropic', wrap?.tags, fetch, basePath),
      ),
    fetch: (provider, fetchOptions) =>
      meteredFetch(
        provider,
        fetchOptions?.tags,
        fetchOptions?.fetch ?? globalThis.fetch.bind(globalThis),
        fetchOptions?.basePath ?? '',
      ),
    aiSdkMiddleware: (wrap) =>
      createAiSdkMiddleware({
        tags: tagsFor(wrap?.tags),
        ...(wrap?.provider ? { provider: wrap.provider } : {}),
        registry,
        loadMeasurer,
        record: (event) => sender.enqueue(event),
        report,
        track,
      }),
    flush,
    async shutdown() {
      await flush();
      await sender.close();
    },
    stats: () => sender.stats(),
  };
}
