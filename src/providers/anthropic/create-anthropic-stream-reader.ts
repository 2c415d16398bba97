import { asJsonObject } from '../shared/as-json-object.ts';
import { createSseUsageReader } from '../shared/create-sse-usage-reader.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { readAnthropicErrorKind } from './read-anthropic-error-kind.ts';
import { readAnthropicServiceTier } from './read-anthropic-service-tier.ts';
import { readAnthropicUsage } from './read-anthropic-usage.ts';

/**
 * Reads a Messages stream. `message_start` carries the model and the input-side usage;
 * each `message_delta` carries usage that is cumulative, not an increment, so the latest
 * value of every field wins: output from the last `message_delta`, input-side counts from it
 * when recent API versions repeat them, else from `message_start`. Nothing is hidden.
 */
export function createAnthropicStreamReader(): StreamUsageReader {
  let usage: Record<string, unknown> = {};
  return createSseUsageReader({
    hideUsageFromCaller: false,
    readEvent(event, eventName, draft) {
      const type = readNonEmptyString(event.type) ?? eventName;
      let reportedUsage: unknown;
      if (type === 'message_start') {
        const message = asJsonObject(event.message);
        draft.model = readNonEmptyString(message?.model) ?? draft.model;
        reportedUsage = message?.usage;
      } else if (type === 'message_delta') {
        reportedUsage = event.usage;
      } else if (type === 'content_block_delta') {
        const delta = asJsonObject(event.delta);
        draft.addGeneratedText(delta?.text);
        draft.addGeneratedText(delta?.thinking);
        draft.addGeneratedText(delta?.partial_json);
      } else if (type === 'error') {
        draft.errorKind = readAnthropicErrorKind(event.error) ?? 'unknown';
      }
      const latest = asJsonObject(reportedUsage);
      if (latest !== undefined) {
        // A null field in a delta means "not repeated here", not zero.
        usage = { ...usage, ...withoutNulls(latest) };
        draft.reported = readAnthropicUsage(usage);
        draft.serviceTier = readAnthropicServiceTier(usage.service_tier) ?? draft.serviceTier;
      }
      return false;
    },
  });
}

function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  );
}
