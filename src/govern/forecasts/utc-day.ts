/** Days are counted as whole UTC days since the epoch; labels are YYYY-MM-DD. */
export const DAY_MS = 86_400_000;

export function utcDay(timestamp: number): number {
  return Math.floor(timestamp / DAY_MS);
}

export function utcDayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function utcDayOfLabel(label: string): number {
  return utcDay(Date.parse(`${label.slice(0, 10)}T00:00:00Z`));
}
