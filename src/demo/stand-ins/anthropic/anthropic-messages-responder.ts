import { playStream } from '../play-stream.ts';
import { sendJson } from '../send-json.ts';
import { servedModel } from '../served-model.ts';
import type { StandInCall } from '../stand-in-call.ts';
import { createSseStreamFormat } from '../sse-stream-format.ts';
import { mapStreamPlan } from '../stream-plan.ts';
import { anthropicMessage, anthropicStreamPlan } from './anthropic-message.ts';
import { anthropicUsage } from './anthropic-stand-in-usage.ts';

const SSE = createSseStreamFormat('\n');

/** POST /v1/messages: a message, or with `stream: true` its named SSE events. */
export async function respondAnthropicMessages(call: StandInCall): Promise<void> {
  const parts = {
    id: `msg_standin${call.sequence}`,
    model: servedModel(call, 'claude-sonnet-4-5-20250929'),
    pieces: call.pieces,
    usage: anthropicUsage(call.control.usage, call.control.serviceTier ?? 'standard'),
  };
  const headers = { 'request-id': `req_standin${call.sequence}` };
  if (call.body.stream !== true) {
    const breakMidway = call.control.scenario === 'broken-stream';
    sendJson(call.response, 200, anthropicMessage(parts), headers, breakMidway);
    return;
  }
  const plan = mapStreamPlan(anthropicStreamPlan(parts, true), (event) => ({
    event: event.type,
    data: JSON.stringify(event),
  }));
  await playStream(call, SSE, plan, headers);
}
