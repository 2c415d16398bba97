import {
  UnknownProviderError,
  ValidationError,
  type FieldIssue,
} from '../../domain/errors/index.ts';
import { toStoredPrecision } from '../../domain/money.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { EstimateRequest } from './parse-estimate-request.ts';

/** One candidate model's cost, as `tokenops estimate --format json` and the API give it. */
export type EstimateRow = {
  model: string;
  provider: string;
  cost_per_request: number;
  cost_per_day: number;
  cost_per_month: number;
  /** Over the cheapest candidate; 0 for the cheapest. */
  difference_per_month: number;
};

interface Candidate {
  provider: string;
  model: string;
  costPerRequest: number;
}

/**
 * The monthly cost of each candidate model at effective prices (discounts included), cheapest
 * first. A model given without a provider is tried with every known provider: several
 * providers that price it alike (a first party and a cloud reseller) are fine and the first
 * in the registry's order is shown; different prices make it ambiguous.
 */
export function estimateModelCosts(
  request: EstimateRequest,
  pricer: Pricer,
  providers: readonly string[],
  at: Date,
): EstimateRow[] {
  if (request.provider !== undefined && !providers.includes(request.provider)) {
    throw new UnknownProviderError(request.provider, providers);
  }
  const issues: FieldIssue[] = [];
  const chosen: Candidate[] = [];
  for (const given of request.models) {
    const tries = providersToTry(given, request.provider, providers);
    const priced = tries.flatMap(({ provider, model }) => {
      const costPerRequest = costOfRequest(request, pricer, provider, model, at);
      return costPerRequest === null ? [] : [{ provider, model, costPerRequest }];
    });
    const first = priced[0];
    if (!first) {
      const tried = tries.map((attempt) => attempt.provider).join(', ');
      issues.push({ field: given, reason: `has no price (tried ${tried})` });
    } else if (priced.some((candidate) => candidate.costPerRequest !== first.costPerRequest)) {
      const prices = priced.map(
        (candidate) => `${candidate.provider} $${candidate.costPerRequest}`,
      );
      issues.push({ field: given, reason: `is priced differently by ${prices.join(', ')}` });
    } else {
      chosen.push(first);
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(
      'unknown or ambiguous model',
      issues,
      'write each model as provider:model (openai:gpt-4o-mini) or pass --provider; check the spelling with tokenops prices show, or price a model the catalog lacks under pricing.overrides in tokenops.yaml',
    );
  }
  const rows = chosen
    .map(({ provider, model, costPerRequest }) => {
      const costPerDay = toStoredPrecision(costPerRequest * request.requestsPerDay);
      return {
        model,
        provider,
        cost_per_request: costPerRequest,
        cost_per_day: costPerDay,
        cost_per_month: toStoredPrecision(costPerDay * request.daysPerMonth),
      };
    })
    .sort((left, right) => left.cost_per_month - right.cost_per_month);
  const cheapest = rows[0]?.cost_per_month ?? 0;
  return rows.map((row) => ({
    ...row,
    difference_per_month: toStoredPrecision(row.cost_per_month - cheapest),
  }));
}

/** `provider:model` when the prefix is a provider (Bedrock model ids hold colons too). */
function providersToTry(
  given: string,
  provider: string | undefined,
  providers: readonly string[],
): { provider: string; model: string }[] {
  const colon = given.indexOf(':');
  const prefix = colon > 0 ? given.slice(0, colon) : '';
  if (providers.includes(prefix)) return [{ provider: prefix, model: given.slice(colon + 1) }];
  return (provider === undefined ? providers : [provider]).map((name) => ({
    provider: name,
    model: given,
  }));
}

/**
 * Prices one request through the pricer's event path, so the counts stay in the normalised
 * convention (input includes cached tokens) whatever the provider's own usage object says,
 * and overrides, aliases and long-context rates apply as they would to real traffic.
 */
function costOfRequest(
  request: EstimateRequest,
  pricer: Pricer,
  provider: string,
  model: string,
  at: Date,
): number | null {
  const pricing = pricer.price({
    timestamp: at.getTime(),
    provider,
    model,
    serviceTier: 'standard',
    tokens: {
      input: request.inputTokens,
      output: request.outputTokens,
      cacheRead: request.cachedInputTokens,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 0,
    },
  });
  return pricing.effective?.total ?? null;
}
