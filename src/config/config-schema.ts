import { authSchema } from './auth-schema.ts';
import { loggingSchema } from './logging-schema.ts';
import { limitsSchema } from './limits-schema.ts';
import { z } from 'zod';
import { alertChannelSchema, budgetSchema, policySchema } from './governance-schema.ts';
import { tagName } from './tag-name-schema.ts';
import {
  cacheSchema,
  contextRuleSchema,
  outputRuleSchema,
  routingRuleSchema,
} from './optimization-schema.ts';

const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name such as OPENAI_API_KEY');
const perMTok = z.number().nonnegative('must be 0 or more (USD per 1M tokens)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** One upstream provider. Built-in names are openai, anthropic, gemini, bedrock, azure. */
const providerSchema = z.strictObject({
  /** Where the gateway forwards calls; the provider's public endpoint when omitted. */
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.openai.com' })
    .optional(),
  /** Name of the variable holding the real key; when set, callers' credentials never go upstream. */
  apiKeyEnv: envName.optional(),
  /** `openai-compatible` for any other server speaking the OpenAI API (Groq, vLLM, Ollama…). */
  kind: z.enum(['openai-compatible']).optional(),
  /** Which price-catalog provider prices this one's models (defaults to its own name). */
  pricesAs: z.string().min(1).optional(),
  /** Azure OpenAI deployment name → the base model it runs, so it is priced right. */
  deployments: z.record(z.string().min(1), z.string().min(1)).optional(),
});

const priceRuleSchema = z
  .strictObject({
    provider: z.string().min(1).optional(),
    /** Exact model name or a glob with `*`. */
    model: z.string().min(1).optional(),
    /** The rule applies to calls made on or after this day (UTC). */
    effectiveFrom: isoDate.optional(),
    /** Negotiated or committed-use discount as a fraction (0.15 = 15 % off); lowers effective cost. */
    discount: z.number().min(0).max(1, 'is a fraction: 0.15 means 15 % off').optional(),
    /** A list price for a private or fine-tuned model the catalog does not know. */
    prices: z
      .strictObject({
        inputPerMTok: perMTok,
        outputPerMTok: perMTok,
        cacheReadPerMTok: perMTok.optional(),
        cacheWritePerMTok: perMTok.optional(),
        cacheWrite1hPerMTok: perMTok.optional(),
      })
      .optional(),
    /** A self-hosted model: every token costs gpuHourCost / 3600 / tokensPerSecond. */
    selfHosted: z
      .strictObject({
        gpuHourCost: z.number().positive('must be the cost of one GPU-hour, above 0'),
        tokensPerSecond: z.number().positive('must be the measured throughput, above 0'),
      })
      .optional(),
  })
  .refine(
    (rule) => [rule.discount, rule.prices, rule.selfHosted].some((part) => part !== undefined),
    'needs one of discount, prices or selfHosted',
  );

const tierMultipliers = z.strictObject({
  standard: z.number().positive().optional(),
  batch: z.number().positive().optional(),
  flex: z.number().positive().optional(),
  priority: z.number().positive().optional(),
});

/** Spend that belongs to everyone: it leaves its team's direct spend and joins the shared pool. */
const sharedScopeSchema = z.strictObject({
  /** Shown on statements as the pool's source, e.g. `embedding pipeline`. */
  name: z.string().min(1, 'must name the shared cost, e.g. embedding pipeline'),
  /** Tag → value; a call matching every key is shared (six tags by name, others as free tags). */
  scope: z
    .record(
      z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a tag name such as feature'),
      z.string().min(1),
    )
    .refine(
      (scope) => Object.keys(scope).length > 0,
      'needs at least one tag, e.g. { feature: embedding-pipeline }',
    ),
});

/** A model to price a feature's tokens on, as events name it. */
const referenceModelSchema = z.strictObject({
  /** A provider name as in events: openai, anthropic, gemini, bedrock or a compatible one. */
  provider: z.string().min(1),
  /** The model id as the price catalog (or an override) knows it, e.g. gpt-4o-mini. */
  model: z.string().min(1),
});

/** A gateway virtual key: callers send it instead of a provider key; only its hash is kept. */
const virtualKeySchema = z.strictObject({
  /** Shown in lists; never used to authenticate. */
  name: z.string().min(1).optional(),
  /** `sha256:<hex>` of the key, as `tokenops keys create` writes it. */
  hash: z
    .string()
    .regex(
      /^sha256:[0-9a-f]{64}$/,
      'must be sha256:<64 hex digits>, as tokenops keys create writes it',
    ),
  /** Tags every call made with the key carries unless a header sets another value. */
  tags: z.record(tagName, z.string().min(1)).default({}),
  /** When set, the only providers the key may call (403 otherwise). */
  providers: z.array(z.string().min(1)).min(1).optional(),
  /** When set, the only models (globs such as gpt-4o-mini*) the key may ask for (403 otherwise). */
  models: z.array(z.string().min(1)).min(1).optional(),
});

/** tokenops.yaml. Every key is optional; an empty file runs the embedded store. */
export const configSchema = z.strictObject({
  store: z
    .strictObject({
      /** `duckdb:PATH` (default: DATA_DIR/tokenops.duckdb) or `clickhouse://HOST:PORT/DB`. */
      url: z
        .string()
        .regex(
          /^(duckdb:.+|clickhouse:\/\/.+)$/,
          'must be duckdb:PATH or clickhouse://HOST:PORT/DB',
        )
        .optional(),
    })
    .default({}),
  /** Who may call /api/… (docs/security.md). */
  auth: authSchema,
  /** Payload logging: off unless asked for, redacted before anything is written. */
  logging: loggingSchema,
  /** Streams open at once and ingest requests per token per minute. */
  limits: limitsSchema,
  tags: z
    .strictObject({
      /** accept: untagged calls are recorded as (unattributed); reject: refused with 400. */
      untagged: z.enum(['accept', 'reject']).default('accept'),
    })
    .default({ untagged: 'accept' }),
  providers: z
    .record(
      z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits, -'),
      providerSchema,
    )
    .default({}),
  pricing: z
    .strictObject({
      /** ISO 4217 code of override prices; the catalog is USD. */
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
        .default('USD'),
      /** Units of `currency` per US dollar, applied to catalog prices; required unless USD. */
      exchangeRate: z.number().positive('must be above 0 (units of currency per USD)').optional(),
      /** Applied in order on top of the catalog; later rules win. */
      overrides: z.array(priceRuleSchema).default([]),
      /** Service-tier price multipliers per provider, e.g. { openai: { priority: 1.75 } }. */
      tiers: z.record(z.string(), tierMultipliers).default({}),
    })
    .default({ currency: 'USD', overrides: [], tiers: {} }),
  allocation: z
    .strictObject({
      /** Shared costs for chargeback: a call matching several scopes belongs to the first. */
      sharedScopes: z
        .array(sharedScopeSchema)
        // Statements list the pool by source name, and `untagged` is the pool's own source.
        .refine(
          (scopes) =>
            new Set([...scopes.map((scope) => scope.name), 'untagged']).size === scopes.length + 1,
          'needs a distinct name per scope, other than untagged',
        )
        .default([]),
      /**
       * Feature → the model its model-choice premium is measured against (tokenops layers).
       * A feature left out is compared with the cheapest model it used in the period.
       */
      referenceModels: z.record(z.string().min(1), referenceModelSchema).default({}),
    })
    .default({ sharedScopes: [], referenceModels: {} }),
  otlp: z
    .strictObject({
      /**
       * Span or resource attribute → tag, for instrumentations that carry attribution under
       * their own names (e.g. `app.team: team`, `traceloop.association.properties.customer:
       * customer`). One of the six tag names, or any other name for a free tag.
       */
      tagAttributes: z.record(z.string().min(1), tagName).default({}),
    })
    .default({ tagAttributes: {} }),
  /** Virtual keys for the gateway (`tokenops keys create` adds them). */
  keys: z.array(virtualKeySchema).default([]),
  gateway: z
    .strictObject({
      /** An upstream that sends no headers, or no bytes mid-stream, for this long is cut off (504). */
      upstreamTimeoutMs: z.number().int().positive().default(600_000),
      /** Larger request bodies are refused with 413 before anything is forwarded. */
      maxRequestBytes: z
        .number()
        .int()
        .positive()
        .default(32 * 1024 * 1024),
      /** How often spooled events are moved into the store, in ms (default 1000). */
      flushIntervalMs: z.number().int().positive().optional(),
    })
    .default({
      upstreamTimeoutMs: 600_000,
      maxRequestBytes: 32 * 1024 * 1024,
    }),
  /** Shared state for several gateway replicas: budget reservations and rate limits. */
  redis: z
    .strictObject({
      /** `redis://HOST:PORT` (or `rediss://`); without it, budgets are kept in process. */
      url: z
        .string()
        .regex(/^rediss?:\/\/.+/, 'must be redis://HOST:PORT or rediss://HOST:PORT')
        .optional(),
    })
    .default({}),
  budgets: z
    .array(budgetSchema)
    .refine(
      (budgets) => new Set(budgets.map((budget) => budget.name)).size === budgets.length,
      'needs a distinct name per budget',
    )
    .default([]),
  policies: z.array(policySchema).default([]),
  alerts: z.array(alertChannelSchema).default([]),
  governance: z
    .strictObject({
      /** How often budgets and anomalies are checked and pending alerts sent, in ms. */
      evaluateIntervalMs: z.number().int().positive().default(30_000),
      /** How often the hourly anomaly detection runs, in ms. */
      anomalyIntervalMs: z.number().int().positive().default(300_000),
      /** First retry delay of an alert a channel refused; doubles up to alertRetryMaxMs. */
      alertRetryBaseMs: z.number().int().positive().default(1_000),
      alertRetryMaxMs: z.number().int().positive().default(300_000),
      /** Output tokens a budget reserves for a call that sets no max_tokens. */
      defaultOutputTokens: z.number().int().positive().default(1_000),
      /** Link target of alert evidence, e.g. https://tokenops.example.com. */
      publicUrl: z
        .url({
          protocol: /^https?$/,
          error: 'must be an http(s) URL such as https://tokenops.example.com',
        })
        .optional(),
    })
    .default({
      evaluateIntervalMs: 30_000,
      anomalyIntervalMs: 300_000,
      alertRetryBaseMs: 1_000,
      alertRetryMaxMs: 300_000,
      defaultOutputTokens: 1_000,
    }),
  /** Feature → its service objective; goodput counts only calls that meet it (tokenops yield). */
  objectives: z
    .record(
      z.string().min(1),
      z.strictObject({
        /** A call slower than this many ms missed the objective, whatever its outcome. */
        latencyMs: z.number().positive('must be above 0 ms'),
      }),
    )
    .default({}),
  /** Gateway routing rules, first match wins (docs/optimization-gateway.md). */
  routing: z.array(routingRuleSchema).default([]),
  /** Response caches of the gateway; Redis holds the entries when redis.url is set. */
  cache: cacheSchema.prefault({}),
  /** Prompt ceilings per scope, first match wins: older turns are trimmed to fit. */
  context: z.array(contextRuleSchema).default([]),
  /** Default and ceiling of max_tokens per scope, first match wins. */
  output: z.array(outputRuleSchema).default([]),
});

export type TokenopsConfig = z.output<typeof configSchema>;
export type ProviderConfig = z.output<typeof providerSchema>;
export type VirtualKeyConfig = z.output<typeof virtualKeySchema>;
export type { AlertChannelConfig, BudgetConfig, PolicyConfig } from './governance-schema.ts';
