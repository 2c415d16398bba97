import { asJsonObject } from '../shared/as-json-object.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { HeaderMap, UsageReading } from '../wire-protocol.ts';
import { bedrockServiceTier } from './bedrock-service-tier.ts';
import { readBedrockErrorBody } from './read-bedrock-error-body.ts';
import { readBedrockTokenUsage } from './read-bedrock-token-usage.ts';

/**
 * Reads a whole Converse response. It names no model (the path's model id is the one billed),
 * so the reading has none. Generated characters are the text and reasoning blocks, to
 * estimate output if usage is missing.
 */
export function readBedrockConverseResponse(body: unknown, headers: HeaderMap): UsageReading {
  const response = asJsonObject(body);
  const message = asJsonObject(asJsonObject(response?.output)?.message);
  return withoutUndefined({
    reported: readBedrockTokenUsage(response?.usage),
    serviceTier: bedrockServiceTier(response?.serviceTier),
    errorKind: readBedrockErrorBody(body, headers),
    outputCharacters: countContentCharacters(message?.content),
  });
}

function countContentCharacters(content: unknown): number {
  if (!Array.isArray(content)) return 0;
  let characters = 0;
  for (const value of content) {
    const block = asJsonObject(value);
    const reasoning = asJsonObject(asJsonObject(block?.reasoningContent)?.reasoningText);
    for (const text of [block?.text, reasoning?.text]) {
      if (typeof text === 'string') characters += text.length;
    }
    const toolUse = asJsonObject(block?.toolUse);
    if (toolUse) characters += JSON.stringify(toolUse.input ?? {}).length;
  }
  return characters;
}
