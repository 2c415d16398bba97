import type { BilledClass } from '../../domain/billing-line.ts';
import type { ServiceTier } from '../../domain/usage-event.ts';

export interface BedrockUsageType {
  /** The model segment, e.g. `Claude4.5Sonnet`, `Nova2.0Lite`. */
  model: string;
  billedClass: BilledClass;
  serviceTier: ServiceTier;
}

// Region prefix (USE1, USW2, EUC1, APN1…), model, optional "mantle-", token type, suffixes.
const TOKEN_USAGE_TYPE =
  /^(?:[A-Z]{3,4}\d-)?(.+?)-(?:mantle-)?(cache-read-input-token-count|cache-write-input-token-count|input-tokens|output-tokens)(-.*)?$/i;

const CLASSES: Record<string, BilledClass> = {
  'cache-read-input-token-count': 'cache_read',
  'cache-write-input-token-count': 'cache_write_5m',
  'input-tokens': 'input',
  'output-tokens': 'output',
};

/**
 * A Bedrock CUR usage type such as `USE1-Claude4Sonnet-cache-read-input-token-count-cross-
 * region-global`, or undefined when it is not a token charge (provisioned throughput hours,
 * custom model storage, guardrails…). Patterns follow AWS's "Understanding your Amazon
 * Bedrock CUR data": each token type is its own usage type with its own rate.
 *
 * Suffixes mark the tier (`-batch`, `-flex`, `-priority`) or the routing
 * (`-cross-region-global`, which changes the rate but is not a tier, and stays in the line's
 * description). Cache writes are 5-minute writes unless the suffix names `1h` (unconfirmed:
 * no published usage type shows a one-hour write yet).
 */
export function parseBedrockUsageType(usageType: string): BedrockUsageType | undefined {
  const match = TOKEN_USAGE_TYPE.exec(usageType.trim());
  if (!match?.[1] || !match[2]) return undefined;
  // A tier word may also come before the token type; it is not part of the model's name.
  const model = match[1].replace(TIER_WORDS, '');
  const flags = `${match[1].slice(model.length)}${match[3] ?? ''}`.toLowerCase();
  let billedClass = CLASSES[match[2].toLowerCase()] ?? 'other';
  if (billedClass === 'cache_write_5m' && /-1h(-|$)/.test(flags)) billedClass = 'cache_write_1h';
  return { model, billedClass, serviceTier: tierOf(flags) };
}

const TIER_WORDS = /(-(batch|flex|priority))+$/i;

function tierOf(flags: string): ServiceTier {
  if (/-batch(-|$)/.test(flags)) return 'batch';
  if (/-flex(-|$)/.test(flags)) return 'flex';
  if (/-priority(-|$)/.test(flags)) return 'priority';
  return 'standard';
}
