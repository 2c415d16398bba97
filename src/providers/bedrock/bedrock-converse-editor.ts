import { asJsonObject } from '../shared/as-json-object.ts';
import { readList } from '../shared/drop-oldest-turns.ts';
import { joinText } from '../shared/join-text.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import type { ConversationTurn, JsonBody, RequestEditor } from '../wire-protocol.ts';

/**
 * Converse: the model is in the path (bedrockGateway.pathWithModel), the system prompt is the
 * top-level `system`, the cap is `inferenceConfig.maxTokens`. A `toolUse` block is answered by
 * a `toolResult` block with the same `toolUseId`.
 */
export const bedrockConverseEditor: RequestEditor = {
  withMaxOutputTokens: (body, tokens) => ({
    ...body,
    inferenceConfig: { ...asJsonObject(body.inferenceConfig), maxTokens: tokens },
  }),
  readTurns: (body) =>
    readList(body, 'messages')?.map((entry) => readTurn(asJsonObject(entry) ?? {})),
  dropTurns: (body, count) => ({ ...body, messages: readList(body, 'messages')?.slice(count) }),
};

function readTurn(message: JsonBody): ConversationTurn {
  const blocks = (readList(message, 'content') ?? []).map((block) => asJsonObject(block) ?? {});
  const uses = blocks.map((block) => asJsonObject(block.toolUse));
  const results = blocks.map((block) => asJsonObject(block.toolResult));
  const ids = (found: (JsonBody | undefined)[]) =>
    found.map((item) => readNonEmptyString(item?.toolUseId)).filter((id) => id !== undefined);
  const toolResultIds = ids(results);
  return {
    text:
      joinText([
        readPartsText(message.content),
        ...uses.map((use) => (use ? JSON.stringify(use.input ?? {}) : undefined)),
        ...results.map((result) => (result ? JSON.stringify(result.content ?? []) : undefined)),
      ]) ?? '',
    opensConversation: message.role === 'user' && toolResultIds.length === 0,
    toolCallIds: ids(uses),
    toolResultIds,
  };
}
