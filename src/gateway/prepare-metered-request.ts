import type { Tags } from '../domain/tags.ts';
import type { GatewayRoute, RequestFacts } from '../providers/wire-protocol.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GatewayRefusal } from './gateway-refusal.ts';
import type { PromptMeasure } from './measure-prompt.ts';
import { mergeTags } from './merge-tags.ts';

export interface MeteredRequest {
  facts: RequestFacts;
  tags: Tags;
  prompt?: PromptMeasure;
  /** A changed body to send instead of the caller's bytes (only when usage must be asked for). */
  body?: Buffer;
  hideUsageFromCaller: boolean;
}

/**
 * Reads what the call is (model, stream, user, prompt parts), completes its tags, applies the
 * untagged policy, and asks a stream for usage when the protocol needs asking.
 */
export function prepareMeteredRequest(
  context: GatewayContext,
  route: GatewayRoute,
  bytes: Buffer,
  tags: Tags,
): MeteredRequest | { refusal: GatewayRefusal } {
  const parsed = parseJson(bytes);
  const read = route.protocol.readRequest(parsed, route.pathModel);
  const facts = route.streamByPath ? { ...read, stream: true } : read;
  const allTags = facts.user ? mergeTags(tags, { user: facts.user }) : tags;
  if (context.untagged === 'reject' && !allTags.team) {
    return {
      refusal: {
        status: 400,
        type: 'untagged_call',
        message: 'this gateway refuses calls that carry no team (tags.untagged: reject)',
        fix: 'send the header x-tokenops-team (and x-tokenops-service, x-tokenops-feature, x-tokenops-env), or use a virtual key made with tokenops keys create --team T',
      },
    };
  }
  const encoding = (facts.model && route.protocol.localEncoding?.(facts.model)) || 'o200k_base';
  const prompt = context.measurePrompt(facts, encoding);
  const asked =
    facts.stream && isRecord(parsed) ? route.protocol.requestStreamUsage?.(parsed) : undefined;
  return {
    facts,
    tags: allTags,
    ...(prompt ? { prompt } : {}),
    ...(asked ? { body: Buffer.from(JSON.stringify(asked.body)) } : {}),
    hideUsageFromCaller: asked?.hideUsageFromCaller ?? false,
  };
}

function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    // The provider answers a malformed body itself; the event still records the call.
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
