import type { ClassCosts } from '../domain/money.ts';
import type { ServiceTier } from '../domain/usage-event.ts';
import type { PriceOverrides } from './overrides.ts';
import type { ReportedUsage } from './pricing-provider.ts';

/** One row of the token-accounting conformance table (conformance-cases.ts). */
export interface ConformanceCase {
  id: string;
  provider: string;
  model: string;
  /** As the provider's usage object reports them; a missing count is 0. */
  reported: Partial<ReportedUsage>;
  tier: ServiceTier;
  /** ISO 8601 instant of the call; CONFORMANCE_DATE when absent. */
  at?: string;
  /** Overrides in force for this case only. */
  overrides?: Partial<Pick<PriceOverrides, 'rules' | 'modelAliases'>>;
  /** Effective costs in USD, hand-computed from published prices; a missing class is 0.
   * null: the model is unpriced. */
  expected: (Partial<Omit<ClassCosts, 'total'>> & { total: number }) | null;
  /** The arithmetic behind `expected`. */
  how: string;
  note: string;
}

/** The day the published prices in the table were checked against the catalog. */
export const CONFORMANCE_DATE = '2026-03-10T12:00:00Z';

/** OpenAI-compatible providers the table's registry declares. */
export const CONFORMANCE_COMPATIBLE_PROVIDERS = [{ name: 'vllm' }] as const;
