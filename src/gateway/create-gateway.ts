import type { PayloadLog } from './payloads/payload-log.ts';
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent } from 'undici';
import type { UsageEvent } from '../domain/usage-event.ts';
import type { ProviderRegistry } from '../providers/index.ts';
import { encodingFromRankFile } from '../providers/metering/encoding-from-rank-file.ts';
import { createPromptMeasurer, type LoadEncoding } from '../providers/metering/measure-prompt.ts';
import { findUpstream, type UpstreamMatch } from './find-upstream.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';
import { handleGatewayRequest } from './handle-gateway-request.ts';
import { createVirtualKeyIndex, type VirtualKey } from './virtual-keys.ts';
import type { CallGovernor } from '../govern/index.ts';
import { checkSemanticEmbedding } from './check-semantic-embedding.ts';
import { ConfigError } from '../domain/errors/index.ts';
import {
  checkRoutingProviders,
  compileOptimization,
  type GatewayOptimizationOptions,
} from './gateway-optimization.ts';

export interface GatewayOptions {
  registry: ProviderRegistry;
  /** providers.NAME from the config, with the key already read from its variable. */
  providers: Readonly<Record<string, { baseUrl?: string; apiKey?: string }>>;
  untagged: 'accept' | 'reject';
  virtualKeys: readonly VirtualKey[];
  record: (event: UsageEvent) => Promise<void>;
  upstreamTimeoutMs: number;
  maxRequestBytes: number;
  /** Budgets, policies and rate limits checked before each call is forwarded. */
  governor?: CallGovernor;
  /** Routing, the exact cache, context ceilings and output caps (docs/optimization-gateway.md). */
  optimization?: GatewayOptimizationOptions;
  /** Streaming calls open at once (limits.concurrentStreams); absent or 0: no cap. */
  maxConcurrentStreams?: number;
  /** Prompts and answers, redacted (logging.payloads); absent: nothing but events is kept. */
  payloadLog?: PayloadLog;
  log: (line: string) => void;
}

export interface Gateway {
  /** The upstream a path belongs to (`/openai/…`, `/compat/NAME/…`), or undefined. */
  match(pathname: string): UpstreamMatch | undefined;
  handle(
    match: UpstreamMatch,
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void>;
  /** Closes the upstream connection pools and the response cache; writes pending payload lines. */
  close(): Promise<void>;
}

/** The metering proxy: one upstream per provider the registry knows. */
export function createGateway(options: GatewayOptions): Gateway {
  const upstreams = new Map<string, GatewayUpstream>();
  for (const name of options.registry.names()) {
    const adapter = options.registry.get(name);
    if (!adapter.gateway) continue;
    const configured = options.providers[name];
    const baseUrl = configured?.baseUrl ?? adapter.gateway.defaultBaseUrl;
    const parsed = baseUrl ? new URL(baseUrl) : undefined;
    upstreams.set(name, {
      name,
      adapter,
      gateway: adapter.gateway,
      baseUrl,
      origin: parsed?.origin ?? '',
      basePath: parsed?.pathname.replace(/\/$/, '') ?? '',
      ...(configured?.apiKey ? { apiKey: configured.apiKey } : {}),
    });
  }
  const routing = options.optimization?.routing ?? [];
  const unsound =
    checkRoutingProviders(routing, upstreams) ??
    checkSemanticEmbedding(options.optimization?.semanticCache, upstreams);
  if (unsound) throw new ConfigError(unsound.message, unsound.fix);
  // Keep-alive pools per upstream origin; no cap on connections, the provider sets the pace.
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });
  const prompts = createPromptMeasurer(sha256Hex, loadEncoding);
  const context = {
    upstreams,
    untagged: options.untagged,
    virtualKeys: createVirtualKeyIndex(options.virtualKeys),
    streams: { open: 0, max: options.maxConcurrentStreams ?? 0 },
    record: options.record,
    dispatcher,
    upstreamTimeoutMs: options.upstreamTimeoutMs,
    maxRequestBytes: options.maxRequestBytes,
    measurePrompt: prompts.measure,
    countTokens: prompts.countTokens,
    countTokensIn: prompts.countTokensIn,
    ...(options.governor ? { governor: options.governor } : {}),
    ...(options.optimization
      ? { optimizer: compileOptimization(options.optimization, options.log) }
      : {}),
    ...(options.payloadLog ? { payloadLog: options.payloadLog } : {}),
    log: options.log,
  };
  return {
    match: (pathname) => findUpstream(upstreams, pathname),
    handle: (match, request, response, url) =>
      handleGatewayRequest(context, match, request, response, url),
    close: async () => {
      await dispatcher.close();
      await options.optimization?.exactCache?.store.close();
      await options.payloadLog?.flush();
    },
  };
}

const require = createRequire(import.meta.url);

/** Synchronously, so an encoding first needed mid-call loads then, not at start. */
const loadEncoding: LoadEncoding = (encoding) =>
  encodingFromRankFile(
    encoding,
    readFileSync(require.resolve(`gpt-tokenizer/data/${encoding}.tiktoken`), 'latin1'),
  );

function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
