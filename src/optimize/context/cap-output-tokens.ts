import type { OutputRule } from './context-rules.ts';

/**
 * The output cap to send instead of the caller's, or undefined to leave it. A call that set
 * none gets the default (or the ceiling, so "no cap" cannot slip past it); a larger one is
 * lowered to the ceiling; a smaller one is the caller's choice and stays.
 */
export function capOutputTokens(asked: number | undefined, rule: OutputRule): number | undefined {
  const wanted = asked ?? rule.defaultMaxTokens ?? rule.maxTokensCeiling;
  if (wanted === undefined) return undefined;
  const capped =
    rule.maxTokensCeiling === undefined ? wanted : Math.min(wanted, rule.maxTokensCeiling);
  return capped === asked ? undefined : capped;
}
