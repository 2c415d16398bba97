import { toStoredPrecision, type ClassCosts } from '../../domain/money.ts';
import { uncachedInput, type TokenCounts } from '../../domain/token-classes.ts';

export type FocusTokenClass =
  'input' | 'cache_write_5m' | 'cache_write_1h' | 'cache_read' | 'output' | 'reasoning';

export interface FocusTokenClassDefinition {
  tokenClass: FocusTokenClass;
  /** SkuMeter; ChargeDescription uses it in lower case. */
  meter: string;
  /** This class alone, out of the nested counts (uncached input, visible output…). */
  tokens(counts: TokenCounts): number;
  cost(costs: ClassCosts): number;
}

/**
 * The six classes a FOCUS row can hold, disjoint so the rows add up to the call without
 * double counting (reference/focus.md §7): the nested counts and costs are taken apart here.
 * Order is the row order of fixtures/focus-example.csv: input side (uncached, writes, reads),
 * then output side (visible, reasoning).
 */
export const FOCUS_TOKEN_CLASSES: readonly FocusTokenClassDefinition[] = [
  {
    tokenClass: 'input',
    meter: 'Input Tokens',
    tokens: uncachedInput,
    cost: (costs) => costs.input,
  },
  {
    tokenClass: 'cache_write_5m',
    meter: 'Cache Write Tokens (5m)',
    tokens: (counts) => counts.cacheWrite - counts.cacheWrite1h,
    cost: (costs) => toStoredPrecision(costs.cacheWrite - costs.cacheWrite1h),
  },
  {
    tokenClass: 'cache_write_1h',
    meter: 'Cache Write Tokens (1h)',
    tokens: (counts) => counts.cacheWrite1h,
    cost: (costs) => costs.cacheWrite1h,
  },
  {
    tokenClass: 'cache_read',
    meter: 'Cached Input Tokens',
    tokens: (counts) => counts.cacheRead,
    cost: (costs) => costs.cacheRead,
  },
  {
    tokenClass: 'output',
    meter: 'Output Tokens',
    tokens: (counts) => counts.output - counts.reasoning,
    cost: (costs) => toStoredPrecision(costs.output - costs.reasoning),
  },
  {
    tokenClass: 'reasoning',
    meter: 'Reasoning Tokens',
    tokens: (counts) => counts.reasoning,
    cost: (costs) => costs.reasoning,
  },
];
