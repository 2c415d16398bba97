import { mergeTags } from '../../domain/merge-tags.ts';
import type { Tags } from '../../domain/tags.ts';
import type { GatewayRoute, RequestFacts } from '../wire-protocol.ts';
import type { LocalEncoding } from './measure-prompt.ts';

export interface MeteredRequest {
  facts: RequestFacts;
  /** The caller's tags plus the user the body names (OpenAI `user`, Anthropic `metadata.user_id`). */
  tags: Tags;
  /** The encoding the prompt is counted with (the model's own when public, else o200k). */
  encoding: LocalEncoding;
  /** A changed body to send instead of the caller's (only when a stream must be asked for usage). */
  body?: Record<string, unknown>;
  /** When `body` only adds these top-level members to the caller's (see StreamUsageRequest). */
  addedMembers?: Record<string, unknown>;
  hideUsageFromCaller: boolean;
}

/**
 * Reads what a call is from its parsed JSON body (model, stream, user, prompt parts) and asks
 * a stream for usage when the protocol needs asking. The gateway and the SDK both meter
 * through it, so one call gives one event whichever door it went through.
 */
export function readMeteredRequest(
  route: GatewayRoute,
  parsed: unknown,
  tags: Tags,
): MeteredRequest {
  const read = route.protocol.readRequest(parsed, route.pathModel);
  const facts = route.streamByPath ? { ...read, stream: true } : read;
  const encoding = (facts.model && route.protocol.localEncoding?.(facts.model)) || 'o200k_base';
  const asked =
    facts.stream && isRecord(parsed) ? route.protocol.requestStreamUsage?.(parsed) : undefined;
  return {
    facts,
    tags: facts.user ? mergeTags(tags, { user: facts.user }) : tags,
    encoding,
    ...(asked ? { body: asked.body } : {}),
    ...(asked?.addedMembers ? { addedMembers: asked.addedMembers } : {}),
    hideUsageFromCaller: asked?.hideUsageFromCaller ?? false,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
