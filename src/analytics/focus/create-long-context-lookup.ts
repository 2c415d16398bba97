import type { Pricer } from '../../pricing/index.ts';
import type { FocusOptions } from './focus-options.ts';

type LongContextLookup = NonNullable<FocusOptions['longContextStart']>;

/**
 * Where a model's long-context prices start, read from the pricer that priced the usage, so
 * the context tier an export names is the one that chose the price. The pricer memoises its
 * plans, so asking once per group is cheap.
 */
export function createLongContextLookup(pricer: Pricer): LongContextLookup {
  return (provider, model, at) => {
    let description: ReturnType<Pricer['describe']>;
    try {
      description = pricer.describe(provider, model, new Date(at));
    } catch {
      // An unknown provider has no price tiers (and its usage is unpriced, so never exported).
      return null;
    }
    const starts = Object.values(description?.rates ?? {}).flatMap((rate) =>
      rate.longContext.map((tier) => tier.aboveInputTokens),
    );
    return starts.length > 0 ? Math.min(...starts) : null;
  };
}
