import type { TagScope, Tags } from '../domain/tags.ts';
import {
  createCacheScopeFinder,
  createRoutePlanner,
  createRuleFinder,
  createSemanticScopeFinder,
  type CachedResponse,
  type ContextRule,
  type OutputRule,
  type ResponseCache,
  type RoutePlan,
  type RoutingRule,
  type SemanticIndex,
  type SemanticScope,
  type SemanticScopeChoice,
} from '../optimize/index.ts';
import type { Pricer } from '../pricing/index.ts';

/** The optimizations of tokenops.yaml (routing, cache, context, output), as the gateway takes them. */
export interface GatewayOptimizationOptions {
  routing?: readonly RoutingRule[];
  context?: readonly ContextRule[];
  output?: readonly OutputRule[];
  exactCache?: {
    enabled: boolean;
    ttlSeconds: number;
    maxEntryBytes: number;
    scopes?: readonly TagScope[];
    /** In process or Redis; the composition root picks. */
    store: ResponseCache;
  };
  /** cache.semantic: answers for calls that mean nearly the same (docs/optimization-gateway.md). */
  semanticCache?: {
    enabled: boolean;
    threshold: number;
    ttlSeconds: number;
    maxEntryBytes: number;
    scopes?: readonly SemanticScope[];
    embedding: SemanticEmbedding;
    /** Each process keeps its own (bounded by cache.semantic.maxEntries). */
    index: SemanticIndex<CachedResponse>;
  };
  /** Prices what a cache hit avoided; hits carry no avoidedCost without it. */
  pricer?: () => Promise<Pricer>;
  /** The split's dice, for tests; Math.random by default. */
  random?: () => number;
}

/** Where the semantic cache's embeddings come from: a configured provider, called through the gateway. */
export interface SemanticEmbedding {
  provider: string;
  model: string;
  dimensions?: number;
  /** An embedding not back by then is a miss. */
  timeoutMs: number;
}

/** The options compiled once at start: each lookup is a scan of pre-built matchers. */
export interface GatewayOptimizer {
  planRoute(call: { tags: Tags; provider: string; model?: string }): RoutePlan | undefined;
  contextRule(tags: Tags, model: string | undefined): ContextRule | undefined;
  outputRule(tags: Tags, model: string | undefined): OutputRule | undefined;
  /** The index of the cache scope a call falls in (-1: all calls), undefined when not cached. */
  cacheScope(tags: Tags, model: string | undefined): number | undefined;
  cache?: { store: ResponseCache; ttlMs: number; maxEntryBytes: number };
  /** The semantic cache, only when enabled. */
  semantic?: {
    scope(tags: Tags, model: string | undefined): SemanticScopeChoice | undefined;
    index: SemanticIndex<CachedResponse>;
    embedding: SemanticEmbedding;
    ttlMs: number;
    maxEntryBytes: number;
  };
  pricer?: () => Promise<Pricer>;
  /** Logs a rule that cannot apply to a call once per rule and reason, not once per call. */
  warnOnce(key: string, line: string): void;
}

export function compileOptimization(
  options: GatewayOptimizationOptions,
  log: (line: string) => void,
): GatewayOptimizer {
  const cache = options.exactCache;
  const semantic = options.semanticCache;
  const warned = new Set<string>();
  return {
    planRoute: createRoutePlanner(options.routing ?? [], options.random),
    contextRule: createRuleFinder(options.context ?? []),
    outputRule: createRuleFinder(options.output ?? []),
    cacheScope: createCacheScopeFinder(
      cache
        ? { enabled: cache.enabled, ...(cache.scopes ? { scopes: cache.scopes } : {}) }
        : {
            enabled: false,
          },
    ),
    ...(cache?.enabled
      ? {
          cache: {
            store: cache.store,
            ttlMs: cache.ttlSeconds * 1000,
            maxEntryBytes: cache.maxEntryBytes,
          },
        }
      : {}),
    ...(semantic?.enabled
      ? {
          semantic: {
            scope: createSemanticScopeFinder(semantic),
            index: semantic.index,
            embedding: semantic.embedding,
            ttlMs: semantic.ttlSeconds * 1000,
            maxEntryBytes: semantic.maxEntryBytes,
          },
        }
      : {}),
    ...(options.pricer ? { pricer: options.pricer } : {}),
    warnOnce(key, line) {
      if (warned.has(key)) return;
      warned.add(key);
      log(line);
    },
  };
}

/**
 * Every provider a routing rule names must be configured with its own key: a call moved to
 * another provider would otherwise carry the caller's credential for the first one there.
 * Returns the problem and its fix, or undefined when the rules are sound.
 */
export function checkRoutingProviders(
  rules: readonly RoutingRule[],
  providers: ReadonlyMap<string, { apiKey?: string }>,
): { message: string; fix: string } | undefined {
  for (const [index, rule] of rules.entries()) {
    const named: [string, string | undefined][] = [
      [`routing[${index}].provider`, rule.provider],
      ...rule.fallbacks.map((fallback, at): [string, string | undefined] => [
        `routing[${index}].fallbacks[${at}].provider`,
        fallback.provider,
      ]),
      ...(rule.split ?? []).map((variant, at): [string, string | undefined] => [
        `routing[${index}].split[${at}].provider`,
        variant.provider,
      ]),
    ];
    for (const [key, provider] of named) {
      if (provider === undefined) continue;
      const upstream = providers.get(provider);
      if (!upstream) {
        return {
          message: `${key} names ${provider}, which the gateway does not know`,
          fix: `add providers.${provider} (kind: openai-compatible and its baseUrl for another server) or name a configured provider`,
        };
      }
      if (!upstream.apiKey) {
        return {
          message: `${key} names ${provider}, which has no apiKeyEnv: a call moved there would carry the caller's key for another provider`,
          fix: `set providers.${provider}.apiKeyEnv to the variable holding its key`,
        };
      }
    }
  }
  return undefined;
}
