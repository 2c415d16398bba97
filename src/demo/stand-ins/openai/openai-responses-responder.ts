import { playStream } from '../play-stream.ts';
import { sendJson } from '../send-json.ts';
import { servedModel } from '../served-model.ts';
import type { StandInCall } from '../stand-in-call.ts';
import { createSseStreamFormat, type SseEvent } from '../sse-stream-format.ts';
import { openAiServiceTier } from './openai-service-tier.ts';
import { openAiResponsesUsage } from './openai-stand-in-usage.ts';

const SSE = createSseStreamFormat('\n');

/**
 * POST /v1/responses: a response object, or with `stream: true` the typed events
 * response.created, response.output_text.delta per piece, and response.completed, whose
 * response carries the usage (Responses needs no include_usage flag).
 */
export async function respondOpenAiResponses(call: StandInCall): Promise<void> {
  const id = `resp_standin${call.sequence}`;
  const messageId = `msg_standin${call.sequence}`;
  const base = {
    id,
    object: 'response',
    created_at: Math.floor(call.receivedAt / 1000),
    model: servedModel(call, 'gpt-4o-mini'),
    service_tier: openAiServiceTier(call),
  };
  const text = call.pieces.join('');
  const content = [{ type: 'output_text', text, annotations: [] }];
  const completed = {
    ...base,
    status: 'completed',
    output: [{ type: 'message', id: messageId, status: 'completed', role: 'assistant', content }],
    usage: openAiResponsesUsage(call.control.usage),
  };
  if (call.body.stream !== true) {
    sendJson(call.response, 200, completed, {}, call.control.scenario === 'broken-stream');
    return;
  }
  let sequenceNumber = 0;
  const event = (type: string, fields: Record<string, unknown>): SseEvent => ({
    event: type,
    data: JSON.stringify({ type, sequence_number: sequenceNumber++, ...fields }),
  });
  const created = { ...base, status: 'in_progress', output: [], usage: null };
  const plan = {
    head: [event('response.created', { response: created })],
    content: call.pieces.map((delta) =>
      event('response.output_text.delta', {
        item_id: messageId,
        output_index: 0,
        content_index: 0,
        delta,
      }),
    ),
    tail: [event('response.completed', { response: completed })],
    usageIndex: 0,
  };
  await playStream(call, SSE, plan);
}
