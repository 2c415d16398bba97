import type { TokenCounts } from './token-classes.ts';

/**
 * One request of a batch file in the form tokenops reads from either provider's line shape:
 * OpenAI's `{custom_id, method, url, body}` or Anthropic's `{custom_id, params}`.
 */
export interface BatchRequest {
  /** The caller's id for the line; results are matched by it, never by position. */
  customId: string;
  /** What is sent for this line: OpenAI's `body`, Anthropic's `params`. */
  body: Record<string, unknown>;
  /** The endpoint path an OpenAI-shaped line names; absent on `{custom_id, params}` lines. */
  url?: string;
  /** 1-based line of the file, so a provider's objection can name it. */
  line: number;
}

/**
 * Where a batch stands, in the provider's words reduced to three: `ended` means every
 * request has an outcome and the results can be read (a cancelled or expired batch ends too,
 * with the requests it finished); `failed` means the batch as a whole was refused.
 */
export type BatchState = 'in_progress' | 'ended' | 'failed';

export interface BatchStatus {
  id: string;
  state: BatchState;
  /** The provider's own status word (validating, finalizing, canceling…), for people. */
  providerStatus: string;
  total: number;
  /** Requests with an outcome so far, whatever it was. */
  done: number;
  succeeded: number;
  /** Requests that errored, expired or were cancelled. */
  failed: number;
  /** Epoch milliseconds when processing ended, when the provider says. */
  endedAt?: number;
  /** Why a failed batch was refused, in the provider's words. */
  message?: string;
}

/** How one request of a batch ended. */
export type BatchOutcome = 'succeeded' | 'errored' | 'canceled' | 'expired';

/** One line of a batch's results, its usage already normalised by the provider's adapter. */
export interface BatchResult {
  customId: string;
  outcome: BatchOutcome;
  /** The model that served it, as the response names it. */
  model?: string;
  /** chat, responses, embeddings, messages. */
  operation?: string;
  /** Normalised counts; undefined when the answer reported none (or there was no answer). */
  tokens?: TokenCounts;
  /** rate_limit, invalid_request… for an errored line. */
  errorKind?: string;
}
