export { RECORDED_REQUEST_LIMIT } from './record-request.ts';
export type {
  RecordedRequest,
  StandIn,
  StandInKind,
  StandInOptions,
  StandInUsage,
  StandInUsageByKind,
} from './stand-in-options.ts';
export { STAND_IN_SCENARIOS, type StandInScenario } from './stand-in-scenario.ts';
export { startStandIn } from './start-stand-in.ts';
export type { AnthropicStandInUsage } from './anthropic/anthropic-stand-in-usage.ts';
export type { BedrockStandInUsage } from './bedrock/bedrock-stand-in-usage.ts';
export type { GeminiStandInUsage } from './gemini/gemini-stand-in-usage.ts';
export type { OpenAiStandInUsage } from './openai/openai-stand-in-usage.ts';
