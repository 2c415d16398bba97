import type { TokenopsConfig } from '../config/index.ts';
import { ConfigError } from '../domain/errors/index.ts';
import {
  createGovernanceLoop,
  detectRecentAnomalies,
  nameAlertChannels,
  type BudgetBook,
  type CallGovernor,
  type GovernanceLoop,
  type Ledger,
  type UsualOutput,
  createBudgetBook,
  createUsualOutput,
  createCallGovernor,
  createMemoryLedger,
  createRedisLedger,
  syncBudgetSpend,
} from '../govern/index.ts';
import type { Pricer } from '../pricing/index.ts';
import type { Store } from '../store/store.ts';

/** Anomalies are judged over the last hours on each run; older ones were alerted already. */
const ANOMALY_LOOKBACK_MS = 3 * 3_600_000;
/** With the default backoff (1 s doubling to 5 min) this keeps trying for about 1.5 hours. */
const ALERT_MAX_ATTEMPTS = 25;

export interface Governance {
  book: BudgetBook;
  ledger: Ledger;
  governor: CallGovernor;
  usualOutput: UsualOutput;
}

/**
 * Budgets (tokenops.yaml's and the API's), the ledger — Redis when redis.url is set, else
 * this process — and the governor the gateway asks before forwarding. Each budget's spend so
 * far this period is read from the store first, so a restart forgets nothing.
 */
export async function startGovernance(options: {
  config: TokenopsConfig;
  store: Store;
  pricer: Pricer;
  log: (line: string) => void;
}): Promise<Governance> {
  const { config } = options;
  const known = new Set(config.keys.map((key) => key.name));
  for (const budget of config.budgets) {
    if (budget.virtualKey !== undefined && !known.has(budget.virtualKey)) {
      throw new ConfigError(
        `budgets "${budget.name}" names the virtual key "${budget.virtualKey}", which keys[] does not hold`,
        'use a name tokenops keys list shows, or create the key with tokenops keys create --name NAME',
      );
    }
  }
  const book = await createBudgetBook(options.store, config.budgets);
  const ledger = config.redis.url
    ? await createRedisLedger(config.redis.url)
    : createMemoryLedger();
  await syncBudgetSpend(options.store, ledger, book.all(), Date.now()).catch((error: unknown) => {
    options.log(`governance: budget spend not read at start (${String(error)})`);
  });
  const usualOutput = createUsualOutput();
  await usualOutput.refresh(options.store, Date.now());
  const governor = createCallGovernor({
    budgets: () => book.all(),
    policies: config.policies,
    ledger,
    pricer: options.pricer,
    defaultOutputTokens: config.governance.defaultOutputTokens,
    usualOutput,
    log: options.log,
  });
  return { book, ledger, governor, usualOutput };
}

/** Budget thresholds and anomalies checked every governance.evaluateIntervalMs; alerts sent. */
export function startGovernanceLoop(options: {
  config: TokenopsConfig;
  store: Store;
  governance: Governance;
  linkBase: string;
  log: (line: string) => void;
}): GovernanceLoop {
  const { config, store } = options;
  const settings = config.governance;
  const loop = createGovernanceLoop({
    store,
    ledger: options.governance.ledger,
    budgets: options.governance.book,
    usualOutput: options.governance.usualOutput,
    channels: nameAlertChannels(config.alerts),
    detectAnomalies: () =>
      detectRecentAnomalies(store, { from: Date.now() - ANOMALY_LOOKBACK_MS, to: Date.now() }),
    evaluateIntervalMs: settings.evaluateIntervalMs,
    anomalyIntervalMs: settings.anomalyIntervalMs,
    retry: {
      baseDelayMs: settings.alertRetryBaseMs,
      maxDelayMs: settings.alertRetryMaxMs,
      maxAttempts: ALERT_MAX_ATTEMPTS,
    },
    linkBase: () => options.linkBase,
    log: options.log,
  });
  loop.start();
  return loop;
}
