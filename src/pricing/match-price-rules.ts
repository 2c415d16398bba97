import { globToRegExp } from '../domain/glob-to-reg-exp.ts';
import type { PriceRule } from './overrides.ts';

export interface MatchedRules {
  /** Every rule that applies, in config order. */
  all: PriceRule[];
  /** The last applying rule with `prices` or `selfHosted`: it sets the list price. */
  price?: PriceRule;
  /** The last applying rule with a `discount`. */
  discount?: PriceRule;
}

export type RuleMatcher = (provider: string, models: readonly string[], at: Date) => MatchedRules;

/**
 * Compiles the rules once (globs to regular expressions, dates to instants) and returns the
 * function that finds the rules applying to one call. `models` are the names the call goes by:
 * the model called and, when an alias maps it, the model it maps to.
 */
export function createRuleMatcher(rules: readonly PriceRule[]): RuleMatcher {
  const compiled = rules.map((rule) => ({
    rule,
    model: rule.model === undefined ? undefined : globToRegExp(rule.model),
    from:
      rule.effectiveFrom === undefined ? -Infinity : Date.parse(`${rule.effectiveFrom}T00:00:00Z`),
  }));
  return (provider, models, at) => {
    const time = at.getTime();
    const matched: MatchedRules = { all: [] };
    for (const { rule, model, from } of compiled) {
      if (rule.provider !== undefined && rule.provider !== provider) continue;
      if (model && !models.some((name) => model.test(name))) continue;
      if (time < from) continue;
      matched.all.push(rule);
      if (rule.prices || rule.selfHosted) matched.price = rule;
      if (rule.discount !== undefined) matched.discount = rule;
    }
    return matched;
  };
}
