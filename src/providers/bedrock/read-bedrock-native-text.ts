import { asJsonObject } from '../shared/as-json-object.ts';

/**
 * The generated text in one event of a model's native stream (InvokeModelWithResponseStream),
 * undefined when the event carries none. Claude's shape first (Anthropic `content_block_delta`
 * with text, thinking or tool-input JSON), then the other vendors' documented stream shapes:
 * Nova's `contentBlockDelta`, Llama's `generation`, Titan's `outputText`, Mistral's
 * `outputs[].text` and the OpenAI-style `choices[].delta.content`.
 */
export function readBedrockNativeText(event: Record<string, unknown>): string | undefined {
  if (event.type === 'content_block_delta') {
    const delta = asJsonObject(event.delta);
    return firstString(delta?.text, delta?.thinking, delta?.partial_json);
  }
  const novaDelta = asJsonObject(asJsonObject(event.contentBlockDelta)?.delta);
  return firstString(
    novaDelta?.text,
    asJsonObject(novaDelta?.reasoningContent)?.text,
    event.generation,
    event.outputText,
    joined(event.outputs, (output) => output?.text),
    joined(event.choices, (choice) => asJsonObject(choice?.delta)?.content),
  );
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string');
}

function joined(
  list: unknown,
  pick: (item: Record<string, unknown> | undefined) => unknown,
): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const texts = list
    .map((item) => pick(asJsonObject(item)))
    .filter((text) => typeof text === 'string');
  return texts.length === 0 ? undefined : texts.join('');
}
