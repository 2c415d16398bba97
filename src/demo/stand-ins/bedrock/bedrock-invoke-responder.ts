import type { OutgoingHttpHeaders } from 'node:http';
import { anthropicMessage, anthropicStreamPlan } from '../anthropic/anthropic-message.ts';
import { anthropicUsage } from '../anthropic/anthropic-stand-in-usage.ts';
import { playStream } from '../play-stream.ts';
import { sendJson } from '../send-json.ts';
import type { StandInCall } from '../stand-in-call.ts';
import { mapStreamPlan } from '../stream-plan.ts';
import { createBedrockEventStreamFormat } from './bedrock-event-stream-format.ts';
import { bedrockCountsAsAnthropic } from './bedrock-stand-in-usage.ts';

const EVENT_STREAM = createBedrockEventStreamFormat('chunk');

/**
 * /model/{modelId}/invoke and /invoke-with-response-stream with an Anthropic model: the body
 * is Anthropic's own, usage also comes back as x-amzn-bedrock-* headers, and the stream wraps
 * each Anthropic event as base64 `bytes` in a `chunk` event, the last one also carrying
 * amazon-bedrock-invocationMetrics.
 */
export async function respondBedrockInvoke(
  call: StandInCall,
  modelId: string,
  streaming: boolean,
): Promise<void> {
  const { control } = call;
  const counts = control.usage;
  const parts = {
    id: `msg_bdrk_standin${call.sequence}`,
    model: control.model ?? modelId,
    pieces: call.pieces,
    usage: anthropicUsage(bedrockCountsAsAnthropic(counts), undefined),
  };
  const headers: OutgoingHttpHeaders = { 'x-amzn-requestid': `standin-${call.sequence}` };
  if (!streaming) {
    Object.assign(headers, tokenCountHeaders(counts.inputTokens ?? 0, counts.outputTokens ?? 0));
    Object.assign(
      headers,
      cacheCountHeaders(counts.cacheReadInputTokens, counts.cacheWriteInputTokens),
    );
    headers['x-amzn-bedrock-invocation-latency'] = String(Date.now() - call.receivedAt);
    sendJson(
      call.response,
      200,
      anthropicMessage(parts),
      headers,
      control.scenario === 'broken-stream',
    );
    return;
  }
  const invocationMetrics = {
    inputTokenCount: counts.inputTokens ?? 0,
    outputTokenCount: counts.outputTokens ?? 0,
    invocationLatency: Date.now() - call.receivedAt + control.chunkDelayMs * call.pieces.length,
    firstByteLatency: Date.now() - call.receivedAt,
    ...cacheCounts(counts.cacheReadInputTokens, counts.cacheWriteInputTokens),
  };
  const plan = mapStreamPlan(anthropicStreamPlan(parts, false), (event) => {
    const last = event.type === 'message_stop';
    const json = last ? { ...event, 'amazon-bedrock-invocationMetrics': invocationMetrics } : event;
    return {
      eventType: 'chunk',
      payload: { bytes: Buffer.from(JSON.stringify(json)).toString('base64') },
    };
  });
  headers['x-amzn-bedrock-content-type'] = 'application/json';
  await playStream(call, EVENT_STREAM, plan, headers);
}

function tokenCountHeaders(input: number, output: number): OutgoingHttpHeaders {
  return {
    'x-amzn-bedrock-input-token-count': String(input),
    'x-amzn-bedrock-output-token-count': String(output),
  };
}

/** Cache headers appear only when the call touched the cache. */
function cacheCountHeaders(read = 0, write = 0): OutgoingHttpHeaders {
  return {
    ...(read > 0 ? { 'x-amzn-bedrock-cache-read-input-token-count': String(read) } : {}),
    ...(write > 0 ? { 'x-amzn-bedrock-cache-write-input-token-count': String(write) } : {}),
  };
}

function cacheCounts(read = 0, write = 0): Record<string, number> {
  return {
    ...(read > 0 ? { cacheReadInputTokenCount: read } : {}),
    ...(write > 0 ? { cacheWriteInputTokenCount: write } : {}),
  };
}
