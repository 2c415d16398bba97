import { asJsonObject } from '../shared/as-json-object.ts';
import { joinText } from '../shared/join-text.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { RequestFacts } from '../wire-protocol.ts';

/**
 * What a generateContent request says before it is forwarded. The model and whether it streams
 * come from the path (`models/M:streamGenerateContent`), never the body. Google's JSON parser
 * accepts snake_case field names as well as camelCase (its own curl examples send
 * `system_instruction`), so both spellings are read.
 */
export function readGeminiRequest(body: unknown, pathModel: string | undefined): RequestFacts {
  const request = asJsonObject(body) ?? {};
  const systemPrompt = contentText(field(request, 'systemInstruction', 'system_instruction'));
  const config = asJsonObject(field(request, 'generationConfig', 'generation_config'));
  const tools = request.tools;
  const contents = Array.isArray(request.contents) ? request.contents : [];
  return withoutUndefined({
    model: pathModel,
    stream: false,
    operation: 'generate_content',
    maxOutputTokens: readWholeNumber(
      config && field(config, 'maxOutputTokens', 'max_output_tokens'),
    ),
    systemPrompt,
    toolDefinitions: Array.isArray(tools) && tools.length > 0 ? JSON.stringify(tools) : undefined,
    promptText: () => joinText([systemPrompt, ...contents.map(contentText)]) ?? '',
  });
}

function field(object: Record<string, unknown>, camelCase: string, snakeCase: string): unknown {
  return object[camelCase] ?? object[snakeCase];
}

/** The text of a Content's parts; a bare string is also accepted as its own text. */
function contentText(content: unknown): string | undefined {
  return typeof content === 'string'
    ? readPartsText(content)
    : readPartsText(asJsonObject(content)?.parts);
}
