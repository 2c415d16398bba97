import type { UsageEvent } from './usage-event.ts';

/**
 * What a replay or a recommendation reads of a stored call: how it was priced and tagged and
 * how it went, without ids or per-class costs. Reading a million of these is several times
 * faster than reading whole events.
 */
export type RecordedCall = Pick<
  UsageEvent,
  | 'timestamp'
  | 'provider'
  | 'model'
  | 'serviceTier'
  | 'tokens'
  | 'prompt'
  | 'status'
  | 'errorKind'
  | 'attempt'
  | 'traceId'
  | 'promptFingerprint'
  | 'timeToFirstTokenMs'
  | 'tags'
  | 'outcome'
  | 'score'
  | 'givenCost'
> & {
  /** The effective total as stored; null when nothing priced the call. */
  cost: number | null;
};
