import type { Budget } from '../../domain/budget.ts';
import { ConflictError, NotFoundError } from '../../domain/errors/index.ts';
import type { Store } from '../../store/store.ts';

/**
 * Every budget in force: tokenops.yaml's and those made through the API (kept in the store).
 * The gateway reads `all()` on each call without I/O; `refresh()` picks up budgets another
 * replica saved, and this replica's own changes apply at once.
 */
export interface BudgetBook {
  all(): readonly Budget[];
  refresh(): Promise<void>;
  /** 'created' or 'replaced'; a name tokenops.yaml uses is refused. */
  save(budget: Budget): Promise<'created' | 'replaced'>;
  remove(name: string): Promise<void>;
}

export async function createBudgetBook(
  store: Store,
  configured: readonly Budget[],
): Promise<BudgetBook> {
  const fromConfig = new Set(configured.map((budget) => budget.name));
  let stored: readonly Budget[] = [];
  let all: readonly Budget[] = configured;
  const refresh = async () => {
    stored = (await store.listBudgets()).filter((budget) => !fromConfig.has(budget.name));
    all = [...configured, ...stored];
  };
  const refuseConfigured = (name: string, action: string) => {
    if (fromConfig.has(name)) {
      throw new ConflictError(
        `budget "${name}" is defined in tokenops.yaml and cannot be ${action} through the API`,
        'change it in tokenops.yaml and restart, or use another name',
      );
    }
  };
  await refresh();
  return {
    all: () => all,
    refresh,
    save: async (budget) => {
      refuseConfigured(budget.name, 'changed');
      const created = await store.saveBudget(budget);
      await refresh();
      return created ? 'created' : 'replaced';
    },
    remove: async (name) => {
      refuseConfigured(name, 'deleted');
      if (!(await store.deleteBudget(name))) {
        throw new NotFoundError(
          `no budget "${name}" was made through the API`,
          'list budgets with tokenops budgets',
        );
      }
      await refresh();
    },
  };
}
