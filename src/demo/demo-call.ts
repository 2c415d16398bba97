import type { Tags } from '../domain/tags.ts';
import type { PromptComposition, TokenCounts } from '../domain/token-classes.ts';
import type { ServiceTier } from '../domain/usage-event.ts';
import type { FeatureProfile, ModelChoice } from './feature-profile.ts';

/** One logical request before it becomes events: one per attempt. */
export interface DemoCall {
  feature: FeatureProfile;
  choice: ModelChoice;
  serviceTier: ServiceTier;
  /** What a successful attempt reports; failed attempts derive theirs from it. */
  tokens: TokenCounts;
  prompt: Readonly<PromptComposition> | undefined;
  promptFingerprint: string | undefined;
  tags: Tags;
  traceId: string | undefined;
  parentSpanId: string | undefined;
}

/** How the attempts of a call ended, for the agent chain that builds on it. */
export interface AttemptsResult {
  emitted: number;
  succeeded: boolean;
  /** Milliseconds after the call's start offset at which its last attempt finished. */
  endOffset: number;
  spanId: string | undefined;
}
