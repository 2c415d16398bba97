/** Dollars for messages: cents from $1 up, four decimals below, so small budgets read true. */
export function formatUsd(amount: number): string {
  return `$${Math.abs(amount) < 1 ? amount.toFixed(4) : amount.toFixed(2)}`;
}
