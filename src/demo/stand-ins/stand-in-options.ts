import type { AnthropicStandInUsage } from './anthropic/anthropic-stand-in-usage.ts';
import type { BedrockStandInUsage } from './bedrock/bedrock-stand-in-usage.ts';
import type { GeminiStandInUsage } from './gemini/gemini-stand-in-usage.ts';
import type { OpenAiStandInUsage } from './openai/openai-stand-in-usage.ts';
import type { StandInScenario } from './stand-in-scenario.ts';

export type StandInKind = 'openai' | 'anthropic' | 'gemini' | 'bedrock';

/** The counts each kind reports, named as that provider's own usage fields name them. */
export interface StandInUsageByKind {
  openai: OpenAiStandInUsage;
  anthropic: AnthropicStandInUsage;
  gemini: GeminiStandInUsage;
  bedrock: BedrockStandInUsage;
}

export type StandInUsage = StandInUsageByKind[StandInKind];

export interface StandInOptions<Kind extends StandInKind = StandInKind> {
  kind: Kind;
  /** usage reported by every call unless `x-stand-in-usage` overrides it; over the defaults */
  usage?: Partial<StandInUsageByKind[Kind]>;
  /** delay before the first byte of every answer, ms (default 0) */
  latencyMs?: number;
  /** delay before each stream content chunk, ms (default 0) */
  chunkDelayMs?: number;
  /** content chunks per stream (default 3) */
  chunks?: number;
  /** keep the last 1,000 requests in `requests` (default true); benchmarks may turn it off */
  record?: boolean;
  /**
   * the scenario of calls asking for a model (body `model`, or the model in the path), unless
   * `x-stand-in-scenario` says otherwise: so one stand-in can fail one model and serve another
   */
  scenarios?: Readonly<Record<string, StandInScenario>>;
  /**
   * status polls a batch answers "in progress" before it ends (default 0: the first poll
   * after creation finds it ended), so tests can drive `--wait` without waiting
   */
  batchPolls?: number;
}

export interface RecordedRequest {
  readonly method: string;
  /** the path with its query */
  readonly path: string;
  /** lower-case names; repeated headers joined with ", " */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface StandIn {
  /** http://127.0.0.1:PORT, the provider base URL to configure (providers.NAME.baseUrl) */
  readonly url: string;
  /** every request received, oldest first, capped at the last 1,000 */
  readonly requests: RecordedRequest[];
  /** stops listening and cuts open connections, hanging calls included */
  close(): Promise<void>;
}
