import type { GovernRefusal } from '../governed-call.ts';
import type { LedgerBalance } from '../ledger/ledger.ts';
import type { PeriodWindow } from '../budgets/budget-period.ts';
import { describe } from './check-policies.ts';
import type { Policy } from './policy.ts';

const MINUTE_MS = 60_000;

/** The UTC minute a tokens-per-minute limit counts in. */
export function rateWindow(at: number): PeriodWindow {
  const start = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  return { start, end: start + MINUTE_MS };
}

/** 429 naming the policy, what this minute used and when it frees up. */
export function rateLimitRefusal(
  policy: Policy | undefined,
  balance: LedgerBalance,
  tokens: number,
  window: PeriodWindow,
  now: number,
): GovernRefusal {
  const used = balance.spent + balance.reserved;
  const name = policy?.name ?? '(unknown)';
  return {
    status: 429,
    type: 'rate_limit_exceeded',
    message: `policy "${name}" allows ${policy?.tokensPerMinute ?? 0} tokens per minute${describe(policy?.match ?? {})}; ${used} are used this minute and this call asks for ${tokens}`,
    fix: `retry after the minute turns, or raise tokensPerMinute of policies "${name}" in tokenops.yaml`,
    retryAfterSeconds: Math.max(1, Math.ceil((window.end - now) / 1000)),
    details: { policy: name, tokens_per_minute: policy?.tokensPerMinute, used, requested: tokens },
  };
}
