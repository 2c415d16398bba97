import { asJsonObject } from '../shared/as-json-object.ts';
import { readList } from '../shared/drop-oldest-turns.ts';
import { joinText } from '../shared/join-text.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import type { ConversationTurn, JsonBody, RequestEditor } from '../wire-protocol.ts';

/**
 * generateContent: the model is in the path (geminiGateway.pathWithModel), the system prompt
 * is `systemInstruction`, so every `contents` entry is a turn. A `functionCall` part is
 * answered by a `functionResponse` part in the next user turn (paired by `id` when given).
 */
export const geminiEditor: RequestEditor = {
  withMaxOutputTokens(body, tokens) {
    // Google reads snake_case too; the caller's spelling is kept so no field is sent twice.
    const key = body.generation_config !== undefined ? 'generation_config' : 'generationConfig';
    const config = asJsonObject(body[key]) ?? {};
    const field = config.max_output_tokens !== undefined ? 'max_output_tokens' : 'maxOutputTokens';
    return { ...body, [key]: { ...config, [field]: tokens } };
  },
  readTurns: (body) =>
    readList(body, 'contents')?.map((entry) => readTurn(asJsonObject(entry) ?? {})),
  dropTurns: (body, count) => ({ ...body, contents: readList(body, 'contents')?.slice(count) }),
};

function readTurn(content: JsonBody): ConversationTurn {
  const parts = (readList(content, 'parts') ?? []).map((part) => asJsonObject(part) ?? {});
  const calls = parts.map((part) => asJsonObject(part.functionCall ?? part.function_call));
  const results = parts.map((part) =>
    asJsonObject(part.functionResponse ?? part.function_response),
  );
  const ids = (found: (JsonBody | undefined)[]) =>
    found.map((item) => readNonEmptyString(item?.id)).filter((id) => id !== undefined);
  const answers = results.some((result) => result !== undefined);
  return {
    text:
      joinText([
        readPartsText(content.parts),
        ...calls.map((call) => (call ? JSON.stringify(call.args ?? {}) : undefined)),
        ...results.map((result) => (result ? JSON.stringify(result.response ?? {}) : undefined)),
      ]) ?? '',
    // A content without a role is the user's (Google's own default).
    opensConversation: (content.role ?? 'user') === 'user' && !answers,
    toolCallIds: ids(calls),
    toolResultIds: ids(results),
  };
}
