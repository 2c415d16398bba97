import { jsonArrayStreamFormat } from '../json-array-stream-format.ts';
import { playStream } from '../play-stream.ts';
import { sendJson } from '../send-json.ts';
import type { StandInCall } from '../stand-in-call.ts';
import { createSseStreamFormat } from '../sse-stream-format.ts';
import { mapStreamPlan, type StreamPlan } from '../stream-plan.ts';
import { geminiUsageMetadata } from './gemini-stand-in-usage.ts';

// Gemini separates its server-sent events with CRLF.
const SSE = createSseStreamFormat('\r\n');

/**
 * models/{model}:generateContent, and :streamGenerateContent — SSE with `alt=sse`, otherwise
 * one JSON array streamed element by element. Every chunk carries running usage totals.
 */
export async function respondGeminiGenerate(
  call: StandInCall,
  pathModel: string,
  streaming: boolean,
): Promise<void> {
  const { control, pieces } = call;
  const envelope = {
    modelVersion: control.model ?? pathModel,
    responseId: `standin${call.sequence}`,
  };
  const candidates = control.usage.candidatesTokenCount ?? 0;
  const response = (
    text: string,
    answered: number,
    finished: boolean,
  ): Record<string, unknown> => ({
    candidates: [
      {
        content: { parts: [{ text }], role: 'model' },
        ...(finished ? { finishReason: 'STOP' } : {}),
        index: 0,
      },
    ],
    usageMetadata: geminiUsageMetadata(control.usage, answered),
    ...envelope,
  });
  if (!streaming) {
    const body = response(pieces.join(''), candidates, true);
    sendJson(call.response, 200, body, {}, control.scenario === 'broken-stream');
    return;
  }
  const plan: StreamPlan<Record<string, unknown>> = {
    head: [],
    content: pieces.map((piece, index) =>
      response(piece, Math.round((candidates * (index + 1)) / pieces.length), false),
    ),
    tail: [response('', candidates, true)],
    usageIndex: 0,
  };
  if (new URLSearchParams(call.query).get('alt') === 'sse') {
    await playStream(
      call,
      SSE,
      mapStreamPlan(plan, (chunk) => ({ data: JSON.stringify(chunk) })),
    );
  } else {
    await playStream(call, jsonArrayStreamFormat, plan);
  }
}
