import { asJsonObject } from '../shared/as-json-object.ts';
import { readList } from '../shared/drop-oldest-turns.ts';
import { joinText } from '../shared/join-text.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import { withBodyModel } from '../shared/with-body-model.ts';
import type { ConversationTurn, RequestEditor } from '../wire-protocol.ts';

/**
 * Messages API: `model` and `max_tokens` in the body; the system prompt is the top-level
 * `system`, so every message is a turn. An assistant's `tool_use` block (`id`) is answered by
 * a user message's `tool_result` block (`tool_use_id`); the API wants a user message first.
 */
export const anthropicMessagesEditor: RequestEditor = {
  withModel: withBodyModel,
  withMaxOutputTokens: (body, tokens) => ({ ...body, max_tokens: tokens }),
  readTurns(body) {
    return readList(body, 'messages')?.map((entry) => readTurn(asJsonObject(entry) ?? {}));
  },
  dropTurns: (body, count) => ({ ...body, messages: readList(body, 'messages')?.slice(count) }),
};

function readTurn(message: Record<string, unknown>): ConversationTurn {
  const blocks = Array.isArray(message.content)
    ? (message.content as unknown[]).map((block) => asJsonObject(block) ?? {})
    : [];
  const ids = (type: string, field: string) =>
    blocks
      .filter((block) => block.type === type)
      .map((block) => readNonEmptyString(block[field]))
      .filter((id) => id !== undefined);
  const toolResultIds = ids('tool_result', 'tool_use_id');
  return {
    text: joinText([readPartsText(message.content), ...blocks.map(blockText)]) ?? '',
    opensConversation: message.role === 'user' && toolResultIds.length === 0,
    toolCallIds: ids('tool_use', 'id'),
    toolResultIds,
  };
}

/** Tool inputs and results are input too; text blocks are read by readPartsText already. */
function blockText(block: Record<string, unknown>): string | undefined {
  if (block.type === 'tool_use') return JSON.stringify(block.input ?? {});
  if (block.type === 'tool_result') return readPartsText(block.content);
  return undefined;
}
