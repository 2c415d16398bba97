import { anthropicStandIn } from './anthropic/anthropic-stand-in.ts';
import { bedrockStandIn } from './bedrock/bedrock-stand-in.ts';
import { geminiStandIn } from './gemini/gemini-stand-in.ts';
import { openAiStandIn } from './openai/openai-stand-in.ts';
import type { StandInKind } from './stand-in-options.ts';
import type { StandInResponder } from './stand-in-responder.ts';

/** The one place that maps a kind to its wire format. */
export const STAND_IN_RESPONDERS: Readonly<Record<StandInKind, StandInResponder>> = {
  openai: openAiStandIn,
  anthropic: anthropicStandIn,
  gemini: geminiStandIn,
  bedrock: bedrockStandIn,
};
