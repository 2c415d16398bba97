import { asJsonObject } from '../shared/as-json-object.ts';
import { joinText } from '../shared/join-text.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { RequestFacts } from '../wire-protocol.ts';

/**
 * What an InvokeModel request says before it is forwarded. The body is the model vendor's
 * own format, so each fact is looked for in the shapes Bedrock's text models document:
 * Claude and Nova (`system`, `messages`, `tools`), Llama and Mistral (`prompt`), Titan
 * (`inputText`, `textGenerationConfig`). A service tier asked for travels in a header, which
 * this body reader never sees.
 */
export function readBedrockInvokeRequest(
  body: unknown,
  pathModel: string | undefined,
): RequestFacts {
  const request = asJsonObject(body) ?? {};
  const systemPrompt = readPartsText(request.system);
  const messages = Array.isArray(request.messages) ? request.messages : [];
  const tools = request.tools;
  const maxOutputTokens = [
    request.max_tokens,
    request.max_gen_len,
    request.max_completion_tokens,
    asJsonObject(request.inferenceConfig)?.max_new_tokens,
    asJsonObject(request.textGenerationConfig)?.maxTokenCount,
  ]
    .map(readWholeNumber)
    .find((count) => count !== undefined);
  return withoutUndefined({
    model: pathModel,
    stream: false,
    operation: 'invoke',
    maxOutputTokens,
    systemPrompt,
    toolDefinitions: Array.isArray(tools) && tools.length > 0 ? JSON.stringify(tools) : undefined,
    promptText: () =>
      joinText([
        systemPrompt,
        ...messages.map((message) => readPartsText(asJsonObject(message)?.content)),
        ...[request.prompt, request.inputText].map(readPartsText),
      ]) ?? '',
  });
}
