import { hash } from 'node:crypto';
import { TAG_KEYS, type Tags } from '../../domain/tags.ts';
import { canonicalJson } from './canonical-json.ts';

export interface SemanticPartitionParts {
  /** The provider and path the call is sent to (after routing). */
  provider: string;
  path: string;
  /** A streamed request is answered with a stream, a JSON one with JSON: never one for the other. */
  stream: boolean;
  tags: Tags;
  /** Which configured scope admitted the call (-1: no scopes configured). */
  scope: number;
  /** The request body without its conversation's text: model, parameters, tools, roles. */
  rest: unknown;
}

/**
 * SHA-256 of everything about a call but its conversation's words. Only calls with the same
 * partition are compared by meaning; the six tags are part of it, so no answer is ever served
 * to another team, customer or user than the one it was for.
 */
export function semanticPartitionKey(parts: SemanticPartitionParts): string {
  const scope = TAG_KEYS.map((key) => parts.tags[key] ?? null);
  const head = JSON.stringify([1, parts.provider, parts.path, parts.stream, scope, parts.scope]);
  return hash('sha256', `${head}\n${canonicalJson(parts.rest)}`, 'hex');
}
