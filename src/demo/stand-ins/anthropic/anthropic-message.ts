import type { StreamPlan } from '../stream-plan.ts';

/** An Anthropic stream event as its JSON `data`; its `type` is also the SSE event name. */
export type AnthropicStreamEvent = Readonly<Record<string, unknown>> & { readonly type: string };

export interface AnthropicMessageParts {
  readonly id: string;
  readonly model: string;
  readonly pieces: readonly string[];
  /** the full usage object, as anthropicUsage builds it */
  readonly usage: Readonly<Record<string, unknown>>;
}

/** The non-streaming Messages answer. */
export function anthropicMessage(parts: AnthropicMessageParts): Record<string, unknown> {
  return {
    ...messageEnvelope(parts),
    content: [{ type: 'text', text: parts.pieces.join('') }],
    stop_reason: 'end_turn',
    usage: parts.usage,
  };
}

/**
 * The streamed answer: message_start carries the input-side counts with a token-or-so of
 * output, message_delta the cumulative usage (final output_tokens, input side repeated).
 * `ping` is what the Anthropic API sends; Bedrock's native stream has none.
 */
export function anthropicStreamPlan(
  parts: AnthropicMessageParts,
  ping: boolean,
): StreamPlan<AnthropicStreamEvent> {
  const { usage } = parts;
  const { output_tokens_details: outputDetails, ...inputSide } = usage;
  const deltaUsage = {
    input_tokens: usage.input_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
    output_tokens: usage.output_tokens,
    ...(outputDetails === undefined ? {} : { output_tokens_details: outputDetails }),
  };
  const message = { ...messageEnvelope(parts), content: [], stop_reason: null };
  const head: AnthropicStreamEvent[] = [
    { type: 'message_start', message: { ...message, usage: { ...inputSide, output_tokens: 1 } } },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  ];
  if (ping) head.push({ type: 'ping' });
  return {
    head,
    content: parts.pieces.map((text) => ({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text },
    })),
    tail: [
      { type: 'content_block_stop', index: 0 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: deltaUsage,
      },
      { type: 'message_stop' },
    ],
    usageIndex: 1,
  };
}

function messageEnvelope(parts: AnthropicMessageParts): Record<string, unknown> {
  return {
    id: parts.id,
    type: 'message',
    role: 'assistant',
    model: parts.model,
    stop_sequence: null,
  };
}
