import type { PlanResolver, PricePlan, ProviderPricing } from './create-plan-resolver.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Bounds memory in a long-running server; a full cache simply starts over. */
const MAX_PLANS = 50_000;

export type PlanCache = (provider: ProviderPricing, model: string, timestamp: number) => PricePlan;

/**
 * Memoises plans per (provider, model, UTC day). That is exact: catalog price changes and
 * override `effectiveFrom` dates both start at 00:00 UTC. The few catalog models with
 * time-of-day (off-peak) prices are memoised per UTC minute instead; their windows start on
 * whole minutes. Each plan is resolved at the start of its day or minute, so the first event
 * of the day does not decide the price for the rest.
 */
export function createPlanCache(resolve: PlanResolver): PlanCache {
  const plans = new Map<string, PricePlan>();

  function cached(key: string, provider: ProviderPricing, model: string, at: number): PricePlan {
    let plan = plans.get(key);
    if (!plan) {
      if (plans.size >= MAX_PLANS) plans.clear();
      plan = resolve(provider, model, new Date(at));
      plans.set(key, plan);
    }
    return plan;
  }

  return (provider, model, timestamp) => {
    const day = Math.floor(timestamp / DAY_MS);
    const dayKey = `${provider.adapter.name}\u0000${model}\u0000${day}`;
    const plan = cached(dayKey, provider, model, day * DAY_MS);
    if (!plan.variesWithinDay) return plan;
    const minute = Math.floor(timestamp / MINUTE_MS);
    return cached(`${dayKey}\u0000${minute}`, provider, model, minute * MINUTE_MS);
  };
}
