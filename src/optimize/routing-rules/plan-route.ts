import type { Tags } from '../../domain/tags.ts';
import { createRuleFinder } from '../call-match/compile-call-match.ts';
import { pickVariant, stickyDraw } from './pick-variant.ts';
import type { RouteTarget, RoutingRule } from './routing-rule.ts';

/** A resolved attempt: the provider (a name of the config) and the model to ask it for. */
export interface RouteStep {
  provider: string;
  /** Undefined when the caller named none and no rule set one. */
  model?: string;
}

export interface RoutePlan {
  /** The rule's name, or `routing[N]`. */
  rule: string;
  /** The first attempt, then each fallback in order. */
  steps: readonly RouteStep[];
  /** Headers timeout of each attempt, when the rule sets one. */
  timeoutMs?: number;
  /** The split's pick, recorded as the free tags `experiment` and `variant`. */
  experiment?: { name: string; variant: string };
}

export interface CallToRoute {
  tags: Tags;
  /** The provider of the gateway path the call came in on. */
  provider: string;
  model?: string;
}

/**
 * Routing rules compiled once; `plan` is the first matching rule's plan for one call, or
 * undefined when no rule matches. The rule's `provider`/`model` are the defaults of every
 * step; a split variant overrides them for the first attempt, a fallback for its own.
 */
export function createRoutePlanner(
  rules: readonly RoutingRule[],
  random: () => number = Math.random,
): (call: CallToRoute) => RoutePlan | undefined {
  const named = rules.map((rule, index) => ({ ...rule, label: rule.name ?? `routing[${index}]` }));
  const find = createRuleFinder(named);
  return (call) => {
    const rule = find(call.tags, call.model);
    if (!rule) return undefined;
    const base = step(call, { provider: rule.provider, model: rule.model });
    let first = base;
    let experiment: RoutePlan['experiment'];
    if (rule.split) {
      const user = call.tags.user;
      const draw = user === undefined ? random() : stickyDraw(`${rule.label}\u0000${user}`);
      const variant = pickVariant(rule.split, draw);
      first = step(base, variant);
      experiment = { name: rule.label, variant: variant.variant };
    }
    return {
      rule: rule.label,
      steps: [first, ...rule.fallbacks.map((fallback) => step(base, fallback))],
      ...(rule.timeoutMs === undefined ? {} : { timeoutMs: rule.timeoutMs }),
      ...(experiment ? { experiment } : {}),
    };
  };
}

function step(base: RouteStep, over: RouteTarget): RouteStep {
  const model = over.model ?? base.model;
  return { provider: over.provider ?? base.provider, ...(model === undefined ? {} : { model }) };
}
