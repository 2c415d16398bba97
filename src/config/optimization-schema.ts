import { z } from 'zod';
import { tagName } from './tag-name-schema.ts';

/** Tag → value, plus `model` (the model the caller asked for; a glob with `*` is allowed). */
const callMatch = z.record(tagName, z.string().min(1));
const providerName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must name a provider in providers');
const modelName = z.string().min(1, 'must be a model id, e.g. gpt-4o-mini');

/** Where one attempt goes: another model, another provider speaking the same API, or both. */
const routeTargetSchema = z
  .strictObject({
    /** A provider of the config with the same API shape (OpenAI → an OpenAI-compatible one). */
    provider: providerName.optional(),
    model: modelName.optional(),
  })
  .refine(
    (target) => target.provider !== undefined || target.model !== undefined,
    'needs a model, a provider or both',
  );

const splitVariantSchema = z.strictObject({
  /** Recorded on each event as the free tag `variant`. */
  variant: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be letters, digits, _ . - (e.g. control)'),
  /** Share of the rule's calls, in percent; the variants add up to 100. */
  percent: z.number().min(0).max(100, 'is a percentage from 0 to 100'),
  provider: providerName.optional(),
  /** The model this variant uses; the rule's (or the caller's) when omitted. */
  model: modelName.optional(),
});

/**
 * A routing rule (PRODUCT.md §9: `routing[]` with `match` and `model`). The first rule whose
 * `match` the call carries decides: the model (and provider) to send it to, the fallbacks tried
 * after a 429, a 5xx or a timeout, and an optional percentage split for an experiment.
 */
export const routingRuleSchema = z
  .strictObject({
    /** Names the rule in logs, and the experiment (free tag `experiment`) when it splits. */
    name: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be letters, digits, _ . -')
      .optional(),
    /** Tag → value the call must carry; `model` matches the model asked for. {} takes all. */
    match: callMatch.default({}),
    /** The model to use instead. */
    model: modelName.optional(),
    /** Send to this provider instead; it must speak the same API (and have apiKeyEnv). */
    provider: providerName.optional(),
    /** Tried in order when an attempt gets a 429, a 5xx, no answer in time, or no connection. */
    fallbacks: z.array(routeTargetSchema).max(5, 'takes at most 5 fallbacks').default([]),
    /** How long each attempt may wait for the answer's headers before the next is tried, in ms. */
    timeoutMs: z.number().int().positive('must be above 0 ms').optional(),
    /** A percentage split: each call goes to one variant (sticky per `user` tag when present). */
    split: z.array(splitVariantSchema).min(2, 'needs at least two variants').optional(),
  })
  .refine(
    (rule) =>
      [rule.model, rule.provider, rule.split].some((part) => part !== undefined) ||
      rule.fallbacks.length > 0,
    'needs one of model, provider, fallbacks or split',
  )
  .refine(
    (rule) =>
      !rule.split ||
      Math.abs(rule.split.reduce((sum, variant) => sum + variant.percent, 0) - 100) < 1e-9,
    'split percentages must add up to 100',
  )
  .refine(
    (rule) => !rule.split || new Set(rule.split.map((v) => v.variant)).size === rule.split.length,
    'split needs a distinct variant name per entry',
  )
  .refine(
    (rule) => !rule.split || rule.name !== undefined,
    'a rule with a split needs a name: it is recorded as the experiment tag',
  );

/** The exact response cache (PRODUCT.md §9: `cache.exact.enabled`, `cache.exact.ttlSeconds`). */
const exactCacheSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** How long an answer is served from the cache. */
  ttlSeconds: z.number().int().positive('must be whole seconds, above 0').default(3600),
  /** The in-process LRU's bound (with redis.url set, Redis holds the entries instead). */
  maxEntries: z.number().int().positive().default(1000),
  /** Larger answers are not cached. */
  maxEntryBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024),
  /** Only calls carrying one of these tag → value maps are cached; absent: every call. */
  scopes: z.array(callMatch).min(1, 'lists at least one scope, or is left out').optional(),
});

/** A cosine similarity: 1 is the same direction; a hit needs at least this much. */
const similarity = z
  .number()
  .gt(0, 'is a cosine similarity above 0, e.g. 0.95')
  .max(1, 'is a cosine similarity of at most 1, e.g. 0.95');

const semanticScopeSchema = z.strictObject({
  /** Tag → value the call must carry; `model` matches the model asked for. {} takes all. */
  match: callMatch.default({}),
  /** This scope's own threshold; cache.semantic.threshold when left out. */
  threshold: similarity.optional(),
});

/** Where the semantic cache's embeddings come from: a provider of `providers`, through the gateway. */
const embeddingSchema = z.strictObject({
  /** A provider serving OpenAI's embeddings API (openai, azure or an openai-compatible one). */
  provider: providerName.default('openai'),
  model: modelName.default('text-embedding-3-small'),
  /** Shorter vectors where the model takes `dimensions` (text-embedding-3-*): less memory, faster scans. */
  dimensions: z.number().int().positive('must be a whole number above 0').optional(),
  /** An embedding not back by then is a miss: the call goes upstream without waiting longer. */
  timeoutMs: z.number().int().positive('must be above 0 ms').default(2000),
});

/** The semantic cache: a call whose conversation means nearly the same as an earlier one's. */
const semanticCacheSchema = z.strictObject({
  enabled: z.boolean().default(false),
  embedding: embeddingSchema.prefault({}),
  /** The cosine similarity a hit needs, unless its scope sets its own. */
  threshold: similarity.default(0.95),
  /** How long an answer is served from the cache. */
  ttlSeconds: z.number().int().positive('must be whole seconds, above 0').default(3600),
  /** Answers (and their vectors) this process keeps; the least recently used go first. */
  maxEntries: z.number().int().positive().default(1000),
  /** Larger answers are not cached. */
  maxEntryBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024),
  /** Only calls under one of these scopes are embedded; absent: every call it can read. */
  scopes: z
    .array(semanticScopeSchema)
    .min(1, 'lists at least one scope, or is left out')
    .optional(),
});

export const cacheSchema = z.strictObject({
  exact: exactCacheSchema.default({
    enabled: false,
    ttlSeconds: 3600,
    maxEntries: 1000,
    maxEntryBytes: 256 * 1024,
  }),
  semantic: semanticCacheSchema.prefault({}),
});

/** A prompt ceiling: older turns are dropped until the prompt fits (system prompt kept). */
export const contextRuleSchema = z.strictObject({
  match: callMatch.default({}),
  /** Prompt tokens (counted locally) a call may send. */
  maxInputTokens: z.number().int().positive('must be a token count above 0'),
});

/** Output control: a max_tokens for calls that set none, and a ceiling that lowers larger ones. */
export const outputRuleSchema = z
  .strictObject({
    match: callMatch.default({}),
    defaultMaxTokens: z.number().int().positive().optional(),
    maxTokensCeiling: z.number().int().positive().optional(),
  })
  .refine(
    (rule) => rule.defaultMaxTokens !== undefined || rule.maxTokensCeiling !== undefined,
    'needs defaultMaxTokens, maxTokensCeiling or both',
  )
  .refine(
    (rule) =>
      rule.defaultMaxTokens === undefined ||
      rule.maxTokensCeiling === undefined ||
      rule.defaultMaxTokens <= rule.maxTokensCeiling,
    'defaultMaxTokens must not be above maxTokensCeiling',
  );
