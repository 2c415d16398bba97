import { asJsonObject } from '../shared/as-json-object.ts';
import { joinText } from '../shared/join-text.ts';
import { readList } from '../shared/drop-oldest-turns.ts';
import type { ConversationSplit, JsonBody } from '../wire-protocol.ts';

/**
 * Chat Completions cut for the semantic cache: each message becomes `role: text` (its text
 * parts, and the name and arguments of the tools an assistant called), and the rest of the
 * body keeps every message's other fields, so the roles and their order must match exactly.
 * Tool call ids are dropped from both: they are new on every call. A message carrying
 * anything but text (an image, audio, a file) gives undefined: its words are not its meaning.
 */
export function splitOpenAiChatConversation(body: JsonBody): ConversationSplit | undefined {
  const messages = readList(body, 'messages');
  if (!messages || messages.length === 0) return undefined;
  const lines: string[] = [];
  const skeleton: JsonBody[] = [];
  for (const entry of messages) {
    const message = asJsonObject(entry);
    const texts = message && readContentTexts(message.content);
    if (!message || texts === undefined) return undefined;
    const toolCalls = Array.isArray(message.tool_calls) ? (message.tool_calls as unknown[]) : [];
    const calls = [...toolCalls, message.function_call].map(readCallText);
    const text = joinText([...texts, ...calls]);
    if (text !== undefined) lines.push(`${String(message.role)}: ${text}`);
    skeleton.push(
      Object.fromEntries(Object.entries(message).filter(([key]) => !SPLIT_FIELDS.has(key))),
    );
  }
  if (lines.length === 0) return undefined;
  return { text: lines.join('\n'), rest: { ...body, messages: skeleton } };
}

/** Fields that go into the text, and ids that differ on every call. */
const SPLIT_FIELDS = new Set(['content', 'tool_calls', 'function_call', 'tool_call_id']);

/** A message's content as texts: a string, null, or text parts only; undefined otherwise. */
function readContentTexts(content: unknown): string[] | undefined {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  for (const part of content as unknown[]) {
    const text = asJsonObject(part)?.text;
    if (asJsonObject(part)?.type !== 'text' || typeof text !== 'string') return undefined;
    texts.push(text);
  }
  return texts;
}

/** `name(arguments)` of one tool call (`tool_calls[]`) or a legacy `function_call`. */
function readCallText(call: unknown): string | undefined {
  const record = asJsonObject(call);
  const called = asJsonObject(record?.function) ?? record;
  if (!called) return undefined;
  const name = typeof called.name === 'string' ? called.name : '';
  const args = typeof called.arguments === 'string' ? called.arguments : '';
  return `${name}(${args})`;
}
