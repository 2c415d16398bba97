import type { TokenCounts } from './stand-in-responder.ts';
import type { StandInScenario } from './stand-in-scenario.ts';

/** How to answer one call: the stand-in's options with this request's `x-stand-in-*` headers. */
export interface StandInControl {
  readonly scenario: StandInScenario;
  readonly usage: TokenCounts;
  /** the model name to report instead of the requested one */
  readonly model: string | undefined;
  /** the service tier to report instead of the provider's default */
  readonly serviceTier: string | undefined;
  readonly chunkDelayMs: number;
  readonly retryAfterSeconds: number;
}
