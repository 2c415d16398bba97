import { asJsonObject } from '../shared/as-json-object.ts';
import { joinText } from '../shared/join-text.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { RequestFacts } from '../wire-protocol.ts';

/**
 * What a Messages request says before it is forwarded. The system prompt is the top-level
 * `system` (a string or text blocks), never a message; the end user is `metadata.user_id`.
 * Junk bodies give bare facts.
 */
export function readAnthropicRequest(body: unknown, pathModel: string | undefined): RequestFacts {
  const request = asJsonObject(body);
  if (request === undefined) {
    return withoutUndefined({
      model: pathModel,
      stream: false,
      operation: 'messages',
      promptText: () => '',
    });
  }
  const systemPrompt = readPartsText(request.system);
  const messages = Array.isArray(request.messages) ? (request.messages as unknown[]) : [];
  return withoutUndefined({
    model: readNonEmptyString(request.model) ?? pathModel,
    stream: request.stream === true,
    operation: 'messages',
    user: readNonEmptyString(asJsonObject(request.metadata)?.user_id),
    maxOutputTokens: readWholeNumber(request.max_tokens),
    systemPrompt,
    toolDefinitions:
      Array.isArray(request.tools) && request.tools.length > 0
        ? JSON.stringify(request.tools)
        : undefined,
    promptText: () => joinText([systemPrompt, ...messages.flatMap(readContentTexts)]) ?? '',
  });
}

/** A message's content: a string, or blocks whose text, tool input or tool result is input. */
function readContentTexts(message: unknown): (string | undefined)[] {
  const content = asJsonObject(message)?.content;
  if (!Array.isArray(content)) return [readPartsText(content)];
  return content.map((item) => {
    const block = asJsonObject(item);
    if (block?.type === 'tool_use') return JSON.stringify(block.input ?? {});
    if (block?.type === 'tool_result') return readPartsText(block.content);
    return readNonEmptyString(block?.text);
  });
}
