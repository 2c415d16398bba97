import { asJsonObject } from '../shared/as-json-object.ts';
import { joinText } from '../shared/join-text.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { RequestFacts } from '../wire-protocol.ts';
import { readOpenAiRequestedServiceTier } from './read-openai-service-tier.ts';
import { readOpenAiToolDefinitions } from './read-openai-tool-definitions.ts';
import { readOpenAiUser } from './read-openai-user.ts';

/** `developer` replaces `system` for reasoning models; both are the system prompt. */
export const SYSTEM_ROLES = new Set<unknown>(['system', 'developer']);

/** What a Chat Completions request says before it is forwarded; junk bodies give bare facts. */
export function readOpenAiChatRequest(body: unknown, pathModel: string | undefined): RequestFacts {
  const request = asJsonObject(body);
  if (request === undefined) {
    return withoutUndefined({
      model: pathModel,
      stream: false,
      operation: 'chat',
      promptText: () => '',
    });
  }
  const messages = (Array.isArray(request.messages) ? (request.messages as unknown[]) : [])
    .map(asJsonObject)
    .filter((message) => message !== undefined);
  return withoutUndefined({
    model: readNonEmptyString(request.model) ?? pathModel,
    stream: request.stream === true,
    operation: 'chat',
    user: readOpenAiUser(request),
    // max_tokens is the deprecated name; reasoning models accept only max_completion_tokens.
    maxOutputTokens:
      readWholeNumber(request.max_completion_tokens) ?? readWholeNumber(request.max_tokens),
    requestedServiceTier: readOpenAiRequestedServiceTier(request.service_tier),
    systemPrompt: joinText(
      messages
        .filter((message) => SYSTEM_ROLES.has(message.role))
        .map((message) => readPartsText(message.content)),
    ),
    toolDefinitions: readOpenAiToolDefinitions(request),
    promptText: () => joinText(messages.flatMap(readMessageTexts)) ?? '',
  });
}

/**
 * A message's texts, plus the arguments of the tool calls an assistant message made (they are
 * input too): `tool_calls[].function`, or the legacy `function_call` itself.
 */
export function readMessageTexts(message: Record<string, unknown>): (string | undefined)[] {
  const calls = Array.isArray(message.tool_calls) ? (message.tool_calls as unknown[]) : [];
  return [
    readPartsText(message.content),
    ...calls.map((call) => asJsonObject(asJsonObject(call)?.function)?.arguments),
    asJsonObject(message.function_call)?.arguments,
  ].map(readNonEmptyString);
}
