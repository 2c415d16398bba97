import { asJsonObject } from '../shared/as-json-object.ts';
import { createSseUsageReader } from '../shared/create-sse-usage-reader.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { readOpenAiErrorKind } from './read-openai-error-kind.ts';
import { readOpenAiResponse } from './read-openai-response.ts';

/** Events whose `delta` is generated text: visible text, reasoning, refusals and tool input. */
const GENERATED_TEXT_EVENTS = new Set([
  'response.output_text.delta',
  'response.reasoning_text.delta',
  'response.reasoning_summary_text.delta',
  'response.refusal.delta',
  'response.function_call_arguments.delta',
  'response.custom_tool_call_input.delta',
]);

/**
 * Reads a Responses stream of typed events. Usage always arrives (no flag needed) inside the
 * terminal event's `response` — `response.completed`, `.incomplete` or `.failed` — so nothing
 * is ever hidden. Earlier events that carry the response (`response.created`) give the model
 * and tier before any usage, in case the stream is cut.
 */
export function createOpenAiResponsesStreamReader(): StreamUsageReader {
  return createSseUsageReader({
    hideUsageFromCaller: false,
    readEvent(event, eventName, draft) {
      const type = readNonEmptyString(event.type) ?? eventName;
      if (type !== undefined && GENERATED_TEXT_EVENTS.has(type)) {
        draft.addGeneratedText(event.delta);
        return false;
      }
      if (type === 'error') {
        // The error event has `code` and `message` at its top level; some versions nest `error`.
        draft.errorKind =
          readOpenAiErrorKind(event.error) ?? readOpenAiErrorKind({ code: event.code });
        return false;
      }
      const response = asJsonObject(event.response);
      if (response === undefined) return false;
      const reading = readOpenAiResponse(response);
      draft.model = reading.model ?? draft.model;
      draft.serviceTier = reading.serviceTier ?? draft.serviceTier;
      draft.reported = reading.reported ?? draft.reported;
      draft.errorKind = reading.errorKind ?? draft.errorKind;
      return false;
    },
  });
}
