import type { ReportedUsage } from '../../domain/token-classes.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { reportedUsageFromCounts } from '../shared/reported-usage-from-counts.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { createBedrockStreamReader } from './create-bedrock-stream-reader.ts';
import { preferBedrockCounts } from './prefer-bedrock-counts.ts';
import { readBedrockAnthropicCounts, type PresentCounts } from './read-bedrock-anthropic-counts.ts';
import { readBedrockNativeText } from './read-bedrock-native-text.ts';

const METRICS_FIELD = 'amazon-bedrock-invocationMetrics';

/**
 * Watches an InvokeModelWithResponseStream response: `chunk` events whose payload is
 * `{"bytes": base64 of one event in the model's native format}`. Bedrock adds
 * `amazon-bedrock-invocationMetrics` to the last chunk, with the counts the bill uses for every
 * model; until it arrives (or if it never does), Claude's own `message_start` and
 * `message_delta` usage stands in.
 */
export function createBedrockInvokeStreamReader(options: {
  contentType: string;
}): StreamUsageReader {
  let metrics: ReportedUsage | undefined;
  let claudeCounts: PresentCounts = {};
  let outputCharacters = 0;
  let firstTokenSeen = false;
  return createBedrockStreamReader(options.contentType, {
    readEvent(eventType, payload) {
      if (eventType !== 'chunk') return true;
      const event = decodeChunk(asJsonObject(payload)?.bytes);
      if (!event) return false;
      metrics = readInvocationMetrics(event[METRICS_FIELD]) ?? metrics;
      // Later events repeat or extend the counts; a count absent from one is never zeroed.
      claudeCounts = { ...claudeCounts, ...readClaudeStreamCounts(event) };
      const text = readBedrockNativeText(event);
      if (text !== undefined) {
        outputCharacters += text.length;
        if (text.length > 0) firstTokenSeen = true;
      }
      if (event.type === 'content_block_start') firstTokenSeen ||= isToolUse(event);
      return true;
    },
    get firstTokenSeen() {
      return firstTokenSeen;
    },
    reading: () =>
      withoutUndefined({ reported: preferBedrockCounts(metrics, claudeCounts), outputCharacters }),
  });
}

/** The chunk's base64 `bytes` as the JSON event they encode; undefined when either is broken. */
function decodeChunk(bytes: unknown): Record<string, unknown> | undefined {
  if (typeof bytes !== 'string') return undefined;
  try {
    const binary = atob(bytes);
    const octets = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return asJsonObject(JSON.parse(new TextDecoder().decode(octets)));
  } catch {
    return undefined;
  }
}

function readInvocationMetrics(value: unknown): ReportedUsage | undefined {
  const metrics = asJsonObject(value);
  if (!metrics) return undefined;
  return reportedUsageFromCounts({
    input: readWholeNumber(metrics.inputTokenCount),
    output: readWholeNumber(metrics.outputTokenCount),
    cacheRead: readWholeNumber(metrics.cacheReadInputTokenCount),
    cacheWrite: readWholeNumber(metrics.cacheWriteInputTokenCount),
  });
}

/**
 * Claude's stream usage: `message_start` carries the input side, `message_delta` the running
 * output count (and, on newer models, the input side again).
 */
function readClaudeStreamCounts(event: Record<string, unknown>): PresentCounts {
  if (event.type === 'message_start') {
    return readBedrockAnthropicCounts(asJsonObject(event.message)?.usage);
  }
  return event.type === 'message_delta' ? readBedrockAnthropicCounts(event.usage) : {};
}

function isToolUse(event: Record<string, unknown>): boolean {
  return asJsonObject(event.content_block)?.type === 'tool_use';
}
