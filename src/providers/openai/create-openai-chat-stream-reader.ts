import { asJsonObject } from '../shared/as-json-object.ts';
import {
  createSseUsageReader,
  type StreamReadingDraft,
} from '../shared/create-sse-usage-reader.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { readOpenAiErrorKind } from './read-openai-error-kind.ts';
import { readOpenAiServiceTier } from './read-openai-service-tier.ts';
import { readOpenAiUsage } from './read-openai-usage.ts';

/**
 * Reads a Chat Completions stream: `data:` chunks, then `data: [DONE]`. Usage comes in one
 * chunk with `choices: []` and a non-null `usage` (only with include_usage); Azure's leading
 * `choices: []` chunks carry prompt filter results and `usage` null, so they are not it.
 * When the gateway asked for usage on the caller's behalf, that chunk is hidden from them.
 */
export function createOpenAiChatStreamReader(options: {
  hideUsageFromCaller: boolean;
}): StreamUsageReader {
  return createSseUsageReader({
    hideUsageFromCaller: options.hideUsageFromCaller,
    endMarker: '[DONE]',
    readEvent(chunk, _eventName, draft) {
      // Azure's filter chunks name no model (""), so only a non-empty one counts.
      draft.model = readNonEmptyString(chunk.model) ?? draft.model;
      draft.serviceTier = readOpenAiServiceTier(chunk.service_tier) ?? draft.serviceTier;
      if (chunk.error !== undefined && chunk.error !== null) {
        draft.errorKind = readOpenAiErrorKind(chunk.error) ?? 'unknown';
      }
      const choices = Array.isArray(chunk.choices) ? (chunk.choices as unknown[]) : [];
      for (const choice of choices) readDelta(asJsonObject(asJsonObject(choice)?.delta), draft);
      const usage = readOpenAiUsage(chunk.usage);
      if (usage === undefined) return false;
      draft.reported = usage;
      // Some compatible servers put usage on the last content chunk; that one must pass.
      return choices.length === 0;
    },
  });
}

/**
 * Generated text in a delta: content, a refusal, reasoning text (`reasoning_content`, or
 * `reasoning` on newer compatible servers) and tool calls' names and arguments.
 */
function readDelta(delta: Record<string, unknown> | undefined, draft: StreamReadingDraft): void {
  if (delta === undefined) return;
  draft.addGeneratedText(delta.content);
  draft.addGeneratedText(delta.refusal);
  draft.addGeneratedText(delta.reasoning_content);
  draft.addGeneratedText(delta.reasoning);
  // Loops without arrays of their own: this runs for every event of every stream.
  if (Array.isArray(delta.tool_calls)) {
    for (const call of delta.tool_calls as unknown[]) {
      readFunction(asJsonObject(call)?.function, draft);
    }
  }
  readFunction(delta.function_call, draft);
}

function readFunction(value: unknown, draft: StreamReadingDraft): void {
  const callFunction = asJsonObject(value);
  if (callFunction === undefined) return;
  draft.addGeneratedText(callFunction.name);
  draft.addGeneratedText(callFunction.arguments);
}
