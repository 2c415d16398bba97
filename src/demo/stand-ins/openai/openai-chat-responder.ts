import { objectField } from '../json-fields.ts';
import { playStream } from '../play-stream.ts';
import { sendJson } from '../send-json.ts';
import { servedModel } from '../served-model.ts';
import type { StandInCall } from '../stand-in-call.ts';
import { createSseStreamFormat, type SseEvent } from '../sse-stream-format.ts';
import type { StreamPlan } from '../stream-plan.ts';
import { openAiServiceTier } from './openai-service-tier.ts';
import { openAiChatUsage } from './openai-stand-in-usage.ts';

const SSE = createSseStreamFormat('\n');
const FINGERPRINT = 'fp_stand_in';

/** POST /v1/chat/completions: a chat.completion, or its chunks with `stream: true`. */
export async function respondOpenAiChat(call: StandInCall): Promise<void> {
  const envelope = {
    id: `chatcmpl-standin${call.sequence}`,
    created: Math.floor(call.receivedAt / 1000),
    model: servedModel(call, 'gpt-4o-mini'),
    service_tier: openAiServiceTier(call),
    system_fingerprint: FINGERPRINT,
  };
  const usage = openAiChatUsage(call.control.usage);
  if (call.body.stream !== true) {
    const message = {
      role: 'assistant',
      content: call.pieces.join(''),
      refusal: null,
      annotations: [],
    };
    const choice = { index: 0, message, logprobs: null, finish_reason: 'stop' };
    const completion = { ...envelope, object: 'chat.completion', choices: [choice], usage };
    sendJson(call.response, 200, completion, {}, call.control.scenario === 'broken-stream');
    return;
  }
  const includeUsage = objectField(call.body, 'stream_options')?.include_usage === true;
  await playStream(
    call,
    SSE,
    openAiChatStreamPlan(envelope, call.pieces, includeUsage ? usage : undefined),
  );
}

/**
 * A role chunk, one chunk per piece, a finish chunk, then, only when the request asked for
 * `stream_options.include_usage`, a chunk with no choices carrying the usage (every other
 * chunk then has `usage: null`), then `[DONE]`.
 */
function openAiChatStreamPlan(
  envelope: Record<string, unknown>,
  pieces: readonly string[],
  usage: Record<string, unknown> | undefined,
): StreamPlan<SseEvent> {
  const nullUsage = usage === undefined ? {} : { usage: null };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null): SseEvent => ({
    data: JSON.stringify({
      ...envelope,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...nullUsage,
    }),
  });
  const tail = [chunk({}, 'stop')];
  if (usage !== undefined) {
    const usageChunk = { ...envelope, object: 'chat.completion.chunk', choices: [], usage };
    tail.push({ data: JSON.stringify(usageChunk) });
  }
  tail.push({ data: '[DONE]' });
  return {
    head: [chunk({ role: 'assistant', content: '', refusal: null }, null)],
    content: pieces.map((piece) => chunk({ content: piece }, null)),
    tail,
    // Garbage goes just before the usage chunk, or before [DONE] when there is none.
    usageIndex: tail.length - 2,
  };
}
