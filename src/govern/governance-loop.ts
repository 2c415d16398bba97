import type { Alert, DueDelivery } from '../domain/alert.ts';
import type { Store } from '../store/store.ts';
import { anomalyAlerts } from './alerts/anomaly-alerts.ts';
import type { AlertChannel } from './alerts/alert-channel.ts';
import { budgetThresholdAlerts } from './alerts/budget-alerts.ts';
import { deliverDueAlerts } from './alerts/deliver-due-alerts.ts';
import { postAlert } from './alerts/post-alert.ts';
import type { Anomaly } from './anomalies/anomaly.ts';
import type { BudgetBook } from './budgets/budget-book.ts';
import type { UsualOutput } from './budgets/usual-output.ts';
import { syncBudgetSpend } from './budgets/budget-spend.ts';
import type { Ledger } from './ledger/ledger.ts';

export interface GovernanceLoopOptions {
  store: Store;
  /** The gateways' shared ledger, lifted to the store's spend on every check. */
  ledger?: Ledger;
  budgets: BudgetBook;
  channels: readonly AlertChannel[];
  /** Refreshed on every check, for the reservations of calls without max_tokens. */
  usualOutput?: UsualOutput;
  /** Recent anomalies; run every anomalyIntervalMs. */
  detectAnomalies?: () => Promise<Anomaly[]>;
  evaluateIntervalMs: number;
  anomalyIntervalMs: number;
  retry: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };
  /** Base of evidence links (governance.publicUrl, or the server's own address). */
  linkBase: () => string | undefined;
  now?: () => number;
  log: (line: string) => void;
}

export interface GovernanceLoop {
  /** One check: budgets, anomalies when due, then every due delivery. */
  tick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * The server's periodic governance: budget thresholds and anomalies become alerts (each
 * recorded once by its key) and alerts go out to every channel, retried until delivered.
 */
export function createGovernanceLoop(options: GovernanceLoopOptions): GovernanceLoop {
  const now = options.now ?? Date.now;
  let lastAnomalyRun = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    const at = now();
    const alerts: Alert[] = [];
    await options.budgets.refresh();
    await options.usualOutput?.refresh(options.store, at);
    const budgets = options.budgets.all();
    if (budgets.length > 0) {
      const balances = await syncBudgetSpend(options.store, options.ledger, budgets, at);
      alerts.push(...budgetThresholdAlerts(balances, at, options.linkBase()));
    }
    if (options.detectAnomalies && at - lastAnomalyRun >= options.anomalyIntervalMs) {
      lastAnomalyRun = at;
      alerts.push(...anomalyAlerts(await options.detectAnomalies(), at, options.linkBase()));
    }
    const claimed = await claimAlerts(options.ledger, alerts);
    if (claimed.length > 0) {
      const names = options.channels.map((channel) => channel.name);
      const fresh = await options.store.recordAlerts(claimed, names);
      for (const key of fresh) options.log(`alert: ${key}`);
    }
    if (options.channels.length > 0) {
      await deliverDueAlerts(options.store, options.channels, {
        now: now(),
        ...options.retry,
        post: (channel, alert) => postAlert(channel, alert),
        log: options.log,
        ...(options.ledger ? { claim: claimDelivery(options.ledger) } : {}),
      });
    }
  };
  const guarded = () => {
    // One check at a time; a failed check is logged and the next one tries again.
    running = running.then(tick).catch((error: unknown) => {
      options.log(
        `governance: check failed (${String(error)}); retrying in ${options.evaluateIntervalMs} ms`,
      );
    });
    return running;
  };
  return {
    tick: guarded,
    start: () => {
      timer = setInterval(() => void guarded(), options.evaluateIntervalMs);
      timer.unref();
      void guarded();
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

const CLAIM_TTL_MS = 40 * 86_400_000;
// A replica that dies between claiming an attempt and recording it hands it back this late.
const DELIVERY_CLAIM_TTL_MS = 15 * 60_000;

/**
 * Each attempt of a delivery is claimed once across replicas: its key carries the attempt
 * count, which recording the outcome moves on, so a retry is claimed afresh.
 */
function claimDelivery(ledger: Ledger): (delivery: DueDelivery) => Promise<boolean> {
  return ({ alert, channel, attempts }) =>
    ledger.claimOnce(`delivery:${alert.key}:${channel}:${attempts}`, DELIVERY_CLAIM_TTL_MS);
}

/**
 * With a shared ledger, only the replica that claims an alert's key first records and sends
 * it; replicas with their own stores would otherwise each send it. The store's own dedupe
 * covers one replica, so without a ledger every alert passes.
 */
async function claimAlerts(ledger: Ledger | undefined, alerts: readonly Alert[]): Promise<Alert[]> {
  if (!ledger) return [...alerts];
  const claims = await Promise.all(
    alerts.map((alert) => ledger.claimOnce(alert.key, CLAIM_TTL_MS)),
  );
  return alerts.filter((_, index) => claims[index]);
}
