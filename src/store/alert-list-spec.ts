import type { AlertKind } from '../domain/alert.ts';

/** Which alerts to list, newest first. */
export interface AlertListSpec {
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  kind?: AlertKind;
  limit: number;
}
