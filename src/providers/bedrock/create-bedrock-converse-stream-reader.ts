import type { ReportedUsage } from '../../domain/token-classes.ts';
import type { ServiceTier } from '../../domain/usage-event.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { bedrockServiceTier } from './bedrock-service-tier.ts';
import { createBedrockStreamReader } from './create-bedrock-stream-reader.ts';
import { readBedrockTokenUsage } from './read-bedrock-token-usage.ts';

/**
 * Watches a ConverseStream response: messageStart, then per content block contentBlockStart
 * (tool calls), contentBlockDelta (text, reasoning or tool input) and contentBlockStop, then
 * messageStop and last `metadata`, whose `usage` has the same fields as Converse's.
 */
export function createBedrockConverseStreamReader(options: {
  contentType: string;
}): StreamUsageReader {
  let reported: ReportedUsage | undefined;
  let serviceTier: ServiceTier | undefined;
  let outputCharacters = 0;
  let firstTokenSeen = false;
  const generated = (text: unknown): void => {
    if (typeof text !== 'string') return;
    outputCharacters += text.length;
    if (text.length > 0) firstTokenSeen = true;
  };
  return createBedrockStreamReader(options.contentType, {
    readEvent(eventType, value) {
      const payload = asJsonObject(value);
      if (!payload) return false;
      if (eventType === 'contentBlockDelta') {
        const delta = asJsonObject(payload.delta);
        const reasoning = asJsonObject(delta?.reasoningContent);
        generated(delta?.text);
        generated(reasoning?.text);
        generated(asJsonObject(delta?.toolUse)?.input);
        // Redacted reasoning carries no readable text, but the model did generate it.
        if (reasoning?.redactedContent !== undefined) firstTokenSeen = true;
      } else if (eventType === 'contentBlockStart') {
        generated(asJsonObject(asJsonObject(payload.start)?.toolUse)?.name);
      } else if (eventType === 'metadata') {
        reported = readBedrockTokenUsage(payload.usage) ?? reported;
        serviceTier = bedrockServiceTier(payload.serviceTier) ?? serviceTier;
      }
      return true;
    },
    get firstTokenSeen() {
      return firstTokenSeen;
    },
    reading: () =>
      withoutUndefined({ reported: reported && { ...reported }, serviceTier, outputCharacters }),
  });
}
