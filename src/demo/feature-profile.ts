import type { ModelProfile } from './model-profiles.ts';
import type { SeasonalityPattern } from './seasonality.ts';

/** `single-call`: one request per use; `rag-chat`: a support turn; `agent-chain`: a trace. */
type CallShapeKind = 'single-call' | 'rag-chat' | 'agent-chain';

/** Whose ids land in the `user` tag, when the feature sends one. */
export type UserPopulation = 'customer-users' | 'employees' | 'developers';

export interface ModelChoice {
  model: ModelProfile;
  weight: number;
  /** Chance a successful call leads to a good outcome; undefined when nobody measures it. */
  successRate?: number;
}

/** A log-normal token count: its median and the sigma of its logarithm. */
interface TokenSpread {
  median: number;
  spread: number;
}

/** One row of the demo company: a feature, who owns it and what its calls look like. */
export interface FeatureProfile {
  feature: string;
  /** Undefined for the internal tool nobody tagged. */
  team?: string;
  service?: string;
  kind: CallShapeKind;
  /** Share of all events, before seasonality. */
  share: number;
  seasonality: SeasonalityPattern;
  models: readonly ModelChoice[];
  /** Prompt tokens beyond the system prompt (the document, ticket, question…). */
  input: TokenSpread;
  /** Visible output tokens; a median of 0 means the call generates nothing (embeddings). */
  output: TokenSpread;
  systemPromptTokens?: number;
  toolDefinitionTokens?: number;
  /** Growth of the system prompt per week (0.15 is +15 % a week), one new version a week. */
  systemPromptWeeklyGrowth?: number;
  /** Share of calls whose prompt is longer than 200k tokens (long-context pricing). */
  longContextShare?: number;
  batchShare?: number;
  flexShare?: number;
  /** Explicit cache breakpoints on the stable prefix (only models with explicit caching). */
  cachesPrefix?: boolean;
  streaming: boolean;
  customerFacing: boolean;
  users?: UserPopulation;
  stagingShare: number;
  /** Calls that arrive with no tags at all (a client that forgot the headers). */
  untaggedShare: number;
  /** Free tags, one set picked per call. */
  extraTags?: readonly Readonly<Record<string, string>>[];
  scored: boolean;
}
