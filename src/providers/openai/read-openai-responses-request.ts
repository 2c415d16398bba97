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

const SYSTEM_ROLES = new Set<unknown>(['system', 'developer']);

/**
 * What a Responses request says before it is forwarded. The system prompt is `instructions`
 * plus any system or developer items in `input`; `input` may also be a plain string (one
 * user message). Junk bodies give bare facts.
 */
export function readOpenAiResponsesRequest(
  body: unknown,
  pathModel: string | undefined,
): RequestFacts {
  const request = asJsonObject(body);
  if (request === undefined) {
    return withoutUndefined({
      model: pathModel,
      stream: false,
      operation: 'responses',
      promptText: () => '',
    });
  }
  const instructions = readNonEmptyString(request.instructions);
  const items = (Array.isArray(request.input) ? (request.input as unknown[]) : [])
    .map(asJsonObject)
    .filter((item) => item !== undefined);
  return withoutUndefined({
    model: readNonEmptyString(request.model) ?? pathModel,
    stream: request.stream === true,
    operation: 'responses',
    user: readOpenAiUser(request),
    maxOutputTokens: readWholeNumber(request.max_output_tokens),
    requestedServiceTier: readOpenAiRequestedServiceTier(request.service_tier),
    systemPrompt: joinText([
      instructions,
      ...items
        .filter((item) => SYSTEM_ROLES.has(item.role))
        .map((item) => readPartsText(item.content)),
    ]),
    toolDefinitions: readOpenAiToolDefinitions(request),
    promptText: () =>
      joinText([
        instructions,
        readNonEmptyString(request.input),
        // Messages carry `content`; earlier tool calls and their results are input too.
        ...items.flatMap((item) => [
          readPartsText(item.content),
          readNonEmptyString(item.arguments),
          readPartsText(item.output),
        ]),
      ]) ?? '',
  });
}
