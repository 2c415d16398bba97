import { asJsonObject } from '../shared/as-json-object.ts';
import { dropOldestTurns, readList } from '../shared/drop-oldest-turns.ts';
import { joinText } from '../shared/join-text.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { withBodyModel } from '../shared/with-body-model.ts';
import type { ConversationTurn, RequestEditor } from '../wire-protocol.ts';
import { readMessageTexts, SYSTEM_ROLES } from './read-openai-chat-request.ts';
import { splitOpenAiChatConversation } from './split-openai-chat-conversation.ts';

/**
 * Chat Completions: `model` in the body; system and developer messages are the system prompt
 * wherever they stand; an assistant's `tool_calls[].id` is answered by `tool` messages'
 * `tool_call_id`.
 */
export const openAiChatEditor: RequestEditor = {
  withModel: withBodyModel,
  withMaxOutputTokens(body, tokens) {
    // A caller on the older max_tokens keeps its field (some compatible servers know no
    // other); max_completion_tokens otherwise, the one reasoning models accept.
    if (body.max_tokens !== undefined && body.max_completion_tokens === undefined) {
      return { ...body, max_tokens: tokens };
    }
    return { ...body, max_completion_tokens: tokens };
  },
  readTurns(body) {
    const messages = readList(body, 'messages');
    if (!messages) return undefined;
    return messages.filter(isTurn).map((entry) => readTurn(asJsonObject(entry) ?? {}));
  },
  dropTurns(body, count) {
    return { ...body, messages: dropOldestTurns(readList(body, 'messages') ?? [], count, isTurn) };
  },
  splitConversation: splitOpenAiChatConversation,
};

function isTurn(entry: unknown): boolean {
  return !SYSTEM_ROLES.has(asJsonObject(entry)?.role);
}

function readTurn(message: Record<string, unknown>): ConversationTurn {
  const calls = Array.isArray(message.tool_calls) ? (message.tool_calls as unknown[]) : [];
  const resultOf = message.role === 'tool' ? readNonEmptyString(message.tool_call_id) : undefined;
  return {
    text: joinText(readMessageTexts(message)) ?? '',
    opensConversation: message.role === 'user',
    toolCallIds: calls
      .map((call) => readNonEmptyString(asJsonObject(call)?.id))
      .filter((id) => id !== undefined),
    toolResultIds: resultOf === undefined ? [] : [resultOf],
  };
}
