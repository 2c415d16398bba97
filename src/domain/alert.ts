import type { TagScope } from './tags.ts';

export const ALERT_KINDS = ['budget_threshold', 'anomaly', 'runaway'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** Something a person should look at: a budget threshold crossed, a spike, a runaway loop. */
export interface Alert {
  /**
   * Names the fact, not the moment it was seen (`budget:search:2026-12-01:0.8`), so seeing it
   * again — on the next check or on another replica — never makes a second alert.
   */
  key: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** Epoch ms. */
  createdAt: number;
  title: string;
  text: string;
  scope: TagScope;
  /** Where the evidence is: a report or trace URL. */
  link?: string;
  /** The figures behind it (budget spend and limit, observed and expected…). */
  data: Readonly<Record<string, string | number | boolean | null>>;
}

/** An alert with where it stands on each channel. */
export interface StoredAlert extends Alert {
  deliveries: AlertDelivery[];
}

export interface AlertDelivery {
  channel: string;
  attempts: number;
  /** Epoch ms; undefined once delivered or given up. */
  nextAttemptAt?: number;
  deliveredAt?: number;
  lastError?: string;
  /** True once the channel refused it too many times to go on. */
  abandoned: boolean;
}

/** One alert due on one channel. */
export interface DueDelivery {
  alert: Alert;
  channel: string;
  attempts: number;
}

/** What happened when a due delivery was tried. */
export type DeliveryOutcome =
  | { alertKey: string; channel: string; delivered: true; at: number }
  | {
      alertKey: string;
      channel: string;
      delivered: false;
      at: number;
      error: string;
      /** Undefined: give up. */
      retryAt?: number;
    };
