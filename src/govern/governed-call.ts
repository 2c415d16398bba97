import type { Tags } from '../domain/tags.ts';
import type { ServiceTier } from '../domain/usage-event.ts';

/** What the gateway knows of a call before forwarding it: enough to govern it. */
export interface GovernedCall {
  provider: string;
  /** The model asked for. */
  model?: string;
  tags: Tags;
  /** Name of the virtual key the caller authenticated with. */
  virtualKey?: string;
  serviceTier: ServiceTier;
  /** The output cap asked for (max_tokens and its cousins). */
  maxOutputTokens?: number;
  /** Prompt tokens counted locally; called only when a rule needs them. */
  countPromptTokens(): number;
}

/** A call answered by tokenops instead of the provider: status, a named rule, and the fix. */
export interface GovernRefusal {
  status: number;
  type: string;
  message: string;
  fix: string;
  /** Seconds until the limit resets (Retry-After). */
  retryAfterSeconds?: number;
  /** Structured facts for scripts, e.g. the budget's spend and reset time. */
  details?: Record<string, unknown>;
}
