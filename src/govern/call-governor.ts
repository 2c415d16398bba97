import { matchesScope } from '../domain/tags.ts';
import type { UsageEvent } from '../domain/usage-event.ts';
import type { Pricer } from '../pricing/index.ts';
import type { Budget } from './budgets/budget.ts';
import type { UsualOutput } from './budgets/usual-output.ts';
import { budgetLedgerKey, NANO_PER_USD } from './budgets/budget.ts';
import { budgetPeriod } from './budgets/budget-period.ts';
import { budgetRefusal } from './budgets/budget-refusal.ts';
import { priceCallEstimate } from './budgets/price-call-estimate.ts';
import type { GovernedCall, GovernRefusal } from './governed-call.ts';
import type { Ledger, LedgerCharge } from './ledger/ledger.ts';
import { checkPolicies } from './policies/check-policies.ts';
import type { Policy } from './policies/policy.ts';
import { rateLimitRefusal, rateWindow } from './policies/rate-limit.ts';

export interface CallGovernorOptions {
  /** The budgets in force now (a BudgetBook's `all`): read on every call, so changes apply at once. */
  budgets: () => readonly Budget[];
  policies: readonly Policy[];
  ledger: Ledger;
  pricer: Pricer;
  /** Output a budget reserves for a call that sets no max_tokens and whose feature has no history. */
  defaultOutputTokens: number;
  /** The feature's usual output on the model, reserved when the call sets no max_tokens. */
  usualOutput?: UsualOutput;
  now?: () => number;
  log: (line: string) => void;
}

/** What a forwarded call owes once its answer is known. */
export interface CallPermit {
  settle(event: UsageEvent | undefined): Promise<void>;
}

export interface CallGovernor {
  admit(call: GovernedCall): Promise<{ permit: CallPermit } | { refusal: GovernRefusal }>;
}

const FREE: CallPermit = { settle: () => Promise.resolve() };
const DAY_MS = 86_400_000;

/**
 * Policies, rate limits and budgets for each gateway call. A call no rule applies to costs
 * nothing here: no token count, no pricing, no ledger round trip.
 */
export function createCallGovernor(options: CallGovernorOptions): CallGovernor {
  const now = options.now ?? Date.now;
  const admit: CallGovernor['admit'] = async (call) => {
    const policies = options.policies.filter((policy) => matchesScope(policy.match, call.tags));
    const budgets = options.budgets().filter((budget) => applies(budget, call));
    if (policies.length === 0 && budgets.length === 0) return { permit: FREE };
    let prompt: number | undefined;
    const tokens = () => {
      prompt ??= call.countPromptTokens();
      const output =
        call.maxOutputTokens ??
        options.usualOutput?.get(call.tags.feature, call.model) ??
        options.defaultOutputTokens;
      return { prompt, output };
    };
    const broken = checkPolicies(policies, call, tokens);
    if (broken) return { refusal: broken };
    const limited = policies.filter((policy) => policy.tokensPerMinute !== undefined);
    if (limited.length === 0 && budgets.length === 0) return { permit: FREE };

    const at = now();
    const requested = tokens();
    const tokenCount = requested.prompt + requested.output;
    const estimateNano = budgets.length
      ? Math.ceil(
          priceCallEstimate(options.pricer, call, requested.prompt, requested.output, at) *
            NANO_PER_USD,
        )
      : 0;
    const budgetCharges = budgets.map((budget) => {
      const window = budgetPeriod(budget.period, at);
      return {
        budget,
        window,
        charge: {
          key: budgetLedgerKey(budget, window.start),
          amount: estimateNano,
          ttlMs: window.end - at + DAY_MS,
          ...(budget.hard ? { limit: Math.floor(budget.limitUsd * NANO_PER_USD) } : {}),
        } satisfies LedgerCharge,
      };
    });
    const window = rateWindow(at);
    const rateCharges = limited.map((policy) => ({
      policy,
      charge: {
        key: `rate:${policy.name}:${window.start}`,
        amount: tokenCount,
        limit: policy.tokensPerMinute,
        ttlMs: 2 * 60_000,
      } satisfies LedgerCharge,
    }));
    const charges = [...budgetCharges, ...rateCharges].map((item) => item.charge);
    let outcome;
    try {
      outcome = await options.ledger.reserve(charges);
    } catch (error) {
      const closed = budgets.find((budget) => budget.hard && budget.onRedisDown === 'closed');
      if (closed) return { refusal: unavailable(closed, error) };
      options.log(`governance: ${String(error)}; letting the call through (onRedisDown: open)`);
      return { permit: FREE };
    }
    if (!outcome.reserved) {
      const budget = budgetCharges.find((item) => item.charge.key === outcome.key);
      if (budget) {
        return {
          refusal: budgetRefusal(budget.budget, budget.window, outcome.balance, estimateNano, at),
        };
      }
      const rate = rateCharges.find((item) => item.charge.key === outcome.key);
      return { refusal: rateLimitRefusal(rate?.policy, outcome.balance, tokenCount, window, at) };
    }
    return {
      permit: {
        settle: async (event) => {
          const cost = event ? (options.pricer.price(event).effective?.total ?? 0) : 0;
          const used = event ? event.tokens.input + event.tokens.output : 0;
          try {
            await options.ledger.settle([
              ...budgetCharges.map(({ charge }) => ({
                key: charge.key,
                reserved: charge.amount,
                actual: Math.round(cost * NANO_PER_USD),
                ttlMs: charge.ttlMs,
              })),
              ...rateCharges.map(({ charge }) => ({
                ...charge,
                reserved: charge.amount,
                actual: used,
              })),
            ]);
          } catch (error) {
            options.log(
              `governance: could not settle a call (${String(error)}); the store still records it`,
            );
          }
        },
      },
    };
  };
  return { admit };
}

function applies(budget: Budget, call: GovernedCall): boolean {
  if (budget.virtualKey !== undefined && budget.virtualKey !== call.virtualKey) return false;
  return matchesScope(budget.scope, call.tags);
}

function unavailable(budget: Budget, error: unknown): GovernRefusal {
  return {
    status: 503,
    type: 'budget_unavailable',
    message: `budget "${budget.name}" cannot be checked: ${error instanceof Error ? error.message : String(error)}`,
    fix: 'bring Redis back, or set onRedisDown: open on the budget to let calls through uncounted',
  };
}
