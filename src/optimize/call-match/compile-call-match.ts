import { globToRegExp } from '../../domain/glob-to-reg-exp.ts';
import { matchesScope, type TagScope, type Tags } from '../../domain/tags.ts';

/** Whether a call falls under a rule: the tags it carries and the model it asked for. */
export type CallMatch = (tags: Tags, model: string | undefined) => boolean;

/**
 * A rule's `match` compiled once at start: each tag by value, and `model` — a glob with `*` —
 * against the model the caller asked for. An empty match takes every call.
 */
export function compileCallMatch(match: TagScope): CallMatch {
  const { model, ...scope } = match;
  const modelPattern = model === undefined ? undefined : globToRegExp(model);
  return (tags, asked) =>
    (modelPattern === undefined || (asked !== undefined && modelPattern.test(asked))) &&
    matchesScope(scope, tags);
}

/** The first of `rules` whose match the call carries, or undefined; rules keep their order. */
export function createRuleFinder<Rule extends { match: TagScope }>(
  rules: readonly Rule[],
): (tags: Tags, model: string | undefined) => Rule | undefined {
  const compiled = rules.map((rule) => ({ rule, matches: compileCallMatch(rule.match) }));
  return (tags, model) => compiled.find((entry) => entry.matches(tags, model))?.rule;
}
