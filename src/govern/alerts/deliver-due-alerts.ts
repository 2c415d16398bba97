import type { Alert, DeliveryOutcome, DueDelivery } from '../../domain/alert.ts';
import type { Store } from '../../store/store.ts';
import type { AlertChannel } from './alert-channel.ts';
import type { PostResult } from './post-alert.ts';

export interface DeliveryOptions {
  now: number;
  /** First retry delay; doubles per attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a channel is given up on for an alert. */
  maxAttempts: number;
  post: (channel: AlertChannel, alert: Alert) => Promise<PostResult>;
  log: (line: string) => void;
  /**
   * True when this replica may try this attempt. Replicas sharing a store all see the same
   * due deliveries; without a claim each would send them.
   */
  claim?: (delivery: DueDelivery) => Promise<boolean>;
}

const BATCH = 50;

/**
 * Sends every due delivery once and records the outcome: delivered, due again after an
 * exponential backoff, or given up after maxAttempts. A delivered alert is never due again.
 */
export async function deliverDueAlerts(
  store: Store,
  channels: readonly AlertChannel[],
  options: DeliveryOptions,
): Promise<{ delivered: number; failed: number }> {
  const byName = new Map(channels.map((channel) => [channel.name, channel]));
  const due = await store.dueDeliveries(options.now, BATCH);
  const outcomes: DeliveryOutcome[] = [];
  for (const delivery of due) {
    if (options.claim && !(await options.claim(delivery))) continue;
    const { alert, channel: name, attempts } = delivery;
    const channel = byName.get(name);
    const at = Date.now();
    if (!channel) {
      // The channel left the config: nothing can deliver there any more.
      outcomes.push({
        alertKey: alert.key,
        channel: name,
        delivered: false,
        at,
        error: 'channel no longer configured',
      });
      continue;
    }
    const result = await options.post(channel, alert);
    if (result.delivered) {
      outcomes.push({ alertKey: alert.key, channel: name, delivered: true, at });
      continue;
    }
    const tried = attempts + 1;
    const delay = Math.min(options.baseDelayMs * 2 ** (tried - 1), options.maxDelayMs);
    if (tried >= options.maxAttempts) {
      options.log(
        `alerts: giving up on ${alert.key} for ${name} after ${tried} attempts (${result.error})`,
      );
    }
    outcomes.push({
      alertKey: alert.key,
      channel: name,
      delivered: false,
      at,
      error: result.error,
      ...(tried >= options.maxAttempts ? {} : { retryAt: at + delay }),
    });
  }
  if (outcomes.length > 0) await store.recordDeliveries(outcomes);
  const delivered = outcomes.filter((outcome) => outcome.delivered).length;
  return { delivered, failed: outcomes.length - delivered };
}
