import { z } from 'zod';
import { tagName } from './tag-name-schema.ts';

const tagScope = z.record(tagName, z.string().min(1));
const fraction = z.number().positive('must be a fraction above 0, e.g. 0.8 for 80 %');

/** A spending limit on a tag scope or a virtual key, per day, week (from Monday) or month (UTC). */
export const budgetSchema = z.strictObject({
  /** Named in refusals, alerts and `tokenops budgets`. */
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be letters, digits, _ . - (e.g. search-monthly)'),
  /** Tag → value; a call counts when it carries every one. Empty: the whole organisation. */
  scope: tagScope.default({}),
  /** Name of a virtual key in keys[]; only calls made with it count. */
  virtualKey: z.string().min(1).optional(),
  period: z.enum(['day', 'week', 'month']),
  limitUsd: z.number().positive('must be the limit in USD, above 0'),
  /** true: the gateway refuses (429) a call whose estimated cost would pass the limit. */
  hard: z.boolean().default(false),
  /** Fractions of the limit that raise an alert once per period. */
  thresholds: z.array(fraction).default([0.5, 0.8, 1]),
  /** With Redis unreachable: open lets calls through uncounted; closed refuses them (503). */
  onRedisDown: z.enum(['open', 'closed']).default('open'),
});

/** Rules on what calls in a tag scope may do; each refusal names the policy. */
export const policySchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be letters, digits, _ . -'),
    /** Tag → value; the policy applies to calls carrying every one. Empty: every call. */
    match: tagScope.default({}),
    /** Only these models (exact names or globs with `*`) may be called. */
    allowModels: z.array(z.string().min(1)).optional(),
    /** These models may not be called, even when allowModels lets them. */
    denyModels: z.array(z.string().min(1)).optional(),
    /** Prompt tokens (counted locally) plus the output cap asked for may not pass this. */
    maxTokensPerRequest: z.number().int().positive().optional(),
    /** Calls must carry these tags (e.g. [feature, environment]). */
    requireTags: z.array(tagName).optional(),
    /** Tokens (prompt + output cap, settled to the actual count) per minute across the scope. */
    tokensPerMinute: z.number().int().positive().optional(),
  })
  .refine(
    (policy) =>
      [
        policy.allowModels,
        policy.denyModels,
        policy.maxTokensPerRequest,
        policy.requireTags,
        policy.tokensPerMinute,
      ].some((rule) => rule !== undefined),
    'needs one of allowModels, denyModels, maxTokensPerRequest, requireTags, tokensPerMinute',
  );

/** Where alerts go: a JSON webhook or a Slack-compatible incoming webhook. */
export const alertChannelSchema = z.strictObject({
  name: z.string().min(1).optional(),
  kind: z.enum(['webhook', 'slack']),
  url: z.url({ protocol: /^https?$/, error: 'must be the http(s) URL alerts are posted to' }),
});

export type BudgetConfig = z.output<typeof budgetSchema>;
export type PolicyConfig = z.output<typeof policySchema>;
export type AlertChannelConfig = z.output<typeof alertChannelSchema>;
