import { asJsonObject } from '../shared/as-json-object.ts';
import { joinText } from '../shared/join-text.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { RequestFacts } from '../wire-protocol.ts';
import { bedrockServiceTier } from './bedrock-service-tier.ts';

/**
 * What a Converse or ConverseStream request says before it is forwarded. The model is the
 * path's model id (an inference profile or ARN, as the bill will name it); whether it streams
 * is the path too, so the body's say is ignored.
 */
export function readBedrockConverseRequest(
  body: unknown,
  pathModel: string | undefined,
): RequestFacts {
  const request = asJsonObject(body) ?? {};
  const systemPrompt = readPartsText(request.system);
  const tools = asJsonObject(request.toolConfig)?.tools;
  const messages = Array.isArray(request.messages) ? request.messages : [];
  return withoutUndefined({
    model: pathModel,
    stream: false,
    operation: 'converse',
    maxOutputTokens: readWholeNumber(asJsonObject(request.inferenceConfig)?.maxTokens),
    requestedServiceTier: bedrockServiceTier(request.serviceTier),
    systemPrompt,
    toolDefinitions: Array.isArray(tools) && tools.length > 0 ? JSON.stringify(tools) : undefined,
    promptText: () =>
      joinText([
        systemPrompt,
        ...messages.map((message) => readPartsText(asJsonObject(message)?.content)),
      ]) ?? '',
  });
}
