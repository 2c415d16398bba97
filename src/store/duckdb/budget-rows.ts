import type { DuckDBConnection } from '@duckdb/node-api';
import type { Budget } from '../../domain/budget.ts';
import { textCell } from '../sql/text-cell.ts';

/** Creates or replaces a budget by name; true when it was new. */
export async function upsertBudget(connection: DuckDBConnection, budget: Budget): Promise<boolean> {
  const removed = await connection.run('DELETE FROM budgets WHERE name = $1', [budget.name]);
  await connection.run('INSERT INTO budgets (name, definition) VALUES ($1, $2)', [
    budget.name,
    JSON.stringify(budget),
  ]);
  return removed.rowsChanged === 0;
}

export async function removeBudget(connection: DuckDBConnection, name: string): Promise<boolean> {
  const removed = await connection.run('DELETE FROM budgets WHERE name = $1', [name]);
  return removed.rowsChanged > 0;
}

export async function selectBudgets(connection: DuckDBConnection): Promise<Budget[]> {
  const reader = await connection.runAndReadAll('SELECT definition FROM budgets ORDER BY name');
  return reader.getRowObjectsJS().map((row) => JSON.parse(textCell(row.definition)) as Budget);
}
