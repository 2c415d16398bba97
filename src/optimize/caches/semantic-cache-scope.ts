import type { TagScope, Tags } from '../../domain/tags.ts';
import { compileCallMatch } from '../call-match/compile-call-match.ts';

/** One `cache.semantic.scopes[]` entry: the calls it takes and, optionally, its own threshold. */
export interface SemanticScope {
  match: TagScope;
  threshold?: number;
}

/** The scope a call falls in (-1: no scopes configured) and the similarity a hit there needs. */
export interface SemanticScopeChoice {
  index: number;
  threshold: number;
}

/** Finds the first scope a call falls in; undefined when the semantic cache does not apply. */
export function createSemanticScopeFinder(settings: {
  threshold: number;
  scopes?: readonly SemanticScope[];
}): (tags: Tags, model: string | undefined) => SemanticScopeChoice | undefined {
  if (!settings.scopes) return () => ({ index: -1, threshold: settings.threshold });
  const compiled = settings.scopes.map((scope) => ({
    matches: compileCallMatch(scope.match),
    threshold: scope.threshold ?? settings.threshold,
  }));
  return (tags, model) => {
    const index = compiled.findIndex((scope) => scope.matches(tags, model));
    const scope = compiled[index];
    return scope ? { index, threshold: scope.threshold } : undefined;
  };
}
