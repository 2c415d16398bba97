/**
 * How the dashboard writes numbers. The browser tests format the API's values with these same
 * functions, so what a view shows can be compared with what the API answered.
 */
const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
// Costs per request or per user are often fractions of a cent.
const unitMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

export function formatMoney(usd: number | null | undefined): string {
  return usd === null || usd === undefined ? '—' : money.format(usd);
}

export function formatUnitMoney(usd: number | null | undefined): string {
  return usd === null || usd === undefined ? '—' : unitMoney.format(usd);
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : count.format(value);
}

export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? '—' : percent.format(fraction);
}

export function formatDuration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** An ISO instant as `2026-11-24 13:00 UTC`: the API works in UTC, so the dashboard does too. */
export function formatInstant(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—';
}
