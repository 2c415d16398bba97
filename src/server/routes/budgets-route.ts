import { budgetSchema } from '../../config/index.ts';
import { TokenopsError, ValidationError } from '../../domain/errors/index.ts';
import { budgetStatuses, type BudgetBook, type Ledger } from '../../govern/index.ts';
import type { Store } from '../../store/store.ts';
import { readBody } from '../read-body.ts';
import type { RouteHandler } from './route-handler.ts';

export interface BudgetRouteContext {
  store: Store;
  book: () => Promise<BudgetBook>;
  /** The gateways' ledger, for spend not yet in the store and calls in flight. */
  ledger?: Ledger;
}

/** GET /api/v1/budgets: spend, share used and forecast per budget (`tokenops budgets`). */
export function listBudgetsRoute(context: BudgetRouteContext): RouteHandler {
  return async () =>
    budgetStatuses(context.store, context.ledger, (await context.book()).all(), Date.now());
}

/**
 * POST /api/v1/budgets: a budget as tokenops.yaml writes one (`name`, `scope`, `period`,
 * `limitUsd`, `hard`, `thresholds`…), created or replaced by name; the gateway applies it at once.
 */
export function saveBudgetRoute(context: BudgetRouteContext): RouteHandler {
  return async (_url, request) => {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request, 2 ** 16));
    } catch (error) {
      if (error instanceof TokenopsError) throw error;
      throw invalid([{ field: '(body)', reason: 'is not valid JSON' }]);
    }
    const parsed = budgetSchema.safeParse(body);
    if (!parsed.success) {
      throw invalid(
        parsed.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(body)',
          reason: issue.message,
        })),
      );
    }
    const status = await (await context.book()).save(parsed.data);
    return { status, budget: parsed.data };
  };
}

/** DELETE /api/v1/budgets/{name}: removes a budget made through the API. */
export function deleteBudgetRoute(context: BudgetRouteContext): RouteHandler {
  return async (url) => {
    const name = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
    await (await context.book()).remove(name);
    return { status: 'deleted', name };
  };
}

function invalid(issues: { field: string; reason: string }[]): ValidationError {
  return new ValidationError(
    'invalid budget',
    issues,
    'send { "name": "search-month", "scope": { "team": "search" }, "period": "month", "limitUsd": 500, "hard": true }',
  );
}
