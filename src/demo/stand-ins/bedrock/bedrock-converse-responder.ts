import { playStream } from '../play-stream.ts';
import { sendJson } from '../send-json.ts';
import type { StandInCall } from '../stand-in-call.ts';
import {
  createBedrockEventStreamFormat,
  type BedrockStreamEvent,
} from './bedrock-event-stream-format.ts';
import { bedrockConverseUsage } from './bedrock-stand-in-usage.ts';

const EVENT_STREAM = createBedrockEventStreamFormat('contentBlockDelta');

/**
 * /model/{modelId}/converse and /converse-stream. The stream is AWS's binary event stream:
 * messageStart, contentBlockDelta per piece, contentBlockStop, messageStop, then metadata
 * carrying usage and metrics.
 */
export async function respondBedrockConverse(call: StandInCall, streaming: boolean): Promise<void> {
  const { control, pieces } = call;
  const usage = bedrockConverseUsage(control.usage);
  const headers = { 'x-amzn-requestid': `standin-${call.sequence}` };
  // The stream's latency is only known at its end; the paced chunks are the bulk of it.
  const latencyMs =
    Date.now() - call.receivedAt + (streaming ? control.chunkDelayMs * pieces.length : 0);
  if (!streaming) {
    const body = {
      output: { message: { role: 'assistant', content: [{ text: pieces.join('') }] } },
      stopReason: 'end_turn',
      usage,
      metrics: { latencyMs },
    };
    sendJson(call.response, 200, body, headers, control.scenario === 'broken-stream');
    return;
  }
  const event = (eventType: string, payload: unknown): BedrockStreamEvent => ({
    eventType,
    payload,
  });
  const plan = {
    head: [event('messageStart', { role: 'assistant' })],
    content: pieces.map((text) =>
      event('contentBlockDelta', { delta: { text }, contentBlockIndex: 0 }),
    ),
    tail: [
      event('contentBlockStop', { contentBlockIndex: 0 }),
      event('messageStop', { stopReason: 'end_turn' }),
      event('metadata', { usage, metrics: { latencyMs } }),
    ],
    usageIndex: 2,
  };
  await playStream(call, EVENT_STREAM, plan, headers);
}
