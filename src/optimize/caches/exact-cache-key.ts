import { hash } from 'node:crypto';
import { TAG_KEYS, type Tags } from '../../domain/tags.ts';
import { canonicalJson } from './canonical-json.ts';

export interface ExactCacheKeyParts {
  /** The provider and path the call is sent to (after routing). */
  provider: string;
  path: string;
  /** A streamed request is answered with a stream, a JSON one with JSON: never one for the other. */
  stream: boolean;
  tags: Tags;
  /** Which configured scope admitted the call (-1: no scopes configured). */
  scope: number;
  /** The parsed request body as it will be sent. */
  body: unknown;
}

/**
 * SHA-256 of the normalised request and its whole tag scope: the six tags are part of every
 * key, so no answer is ever served to another team, customer or user than the one it was for.
 */
export function exactCacheKey(parts: ExactCacheKeyParts): string {
  const scope = TAG_KEYS.map((key) => parts.tags[key] ?? null);
  const head = JSON.stringify([1, parts.provider, parts.path, parts.stream, scope, parts.scope]);
  // One-shot: no Hash object per call (the hot path of every cached call).
  return hash('sha256', `${head}\n${canonicalJson(parts.body)}`, 'hex');
}
