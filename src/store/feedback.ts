import type { Outcome } from '../domain/usage-event.ts';

/** An outcome reported after the call, by the request id the gateway returned. */
export interface Feedback {
  requestId: string;
  outcome?: Outcome;
  score?: number;
}

export interface FeedbackResult {
  /** Stored events that took the outcome. */
  updated: number;
  /** Request ids no stored event carries (yet). */
  unknown: string[];
}
