import { ValidationError } from '../../domain/errors/index.ts';

/** Percentages are held in ten-thousandths of a percent so they add up exactly. */
export const PERCENT_UNITS = 10_000n;

export interface FixedShare {
  team: string;
  /** Percentage × PERCENT_UNITS. */
  units: bigint;
}

/** How the shared pool is spread over teams. */
export type SharedRule =
  { kind: 'proportional' } | { kind: 'even' } | { kind: 'fixed'; shares: readonly FixedShare[] };

const PERCENT = /^(\d{1,3})(?:\.(\d{1,4}))?$/;
const FIX =
  'use --shared proportional, even, or fixed:TEAM=PCT,... adding to 100, e.g. fixed:search=60,support=40';

/** `proportional`, `even` or `fixed:search=50,support=30,platform=20`. */
export function parseSharedRule(text: string): SharedRule {
  const value = text.trim();
  if (value === 'proportional' || value === 'even') return { kind: value };
  if (!value.startsWith('fixed:')) refuse(`"${value}" is not a rule`);
  const shares: FixedShare[] = [];
  for (const part of value.slice('fixed:'.length).split(',')) {
    const [team, percent, extra] = part.split('=').map((piece) => piece.trim());
    const match = PERCENT.exec(percent ?? '');
    if (!team || !match?.[1] || extra !== undefined) refuse(`"${part}" is not TEAM=PCT`);
    if (shares.some((share) => share.team === team)) refuse(`names ${team} twice`);
    const units = BigInt(match[1]) * PERCENT_UNITS + BigInt((match[2] ?? '').padEnd(4, '0'));
    shares.push({ team, units });
  }
  const sum = shares.reduce((total, share) => total + share.units, 0n);
  if (sum !== 100n * PERCENT_UNITS) {
    refuse(`the percentages add up to ${formatPercent(sum)} %, not 100 %`);
  }
  return { kind: 'fixed', shares };
}

export function formatPercent(units: bigint): string {
  const whole = units / PERCENT_UNITS;
  const fraction = (units % PERCENT_UNITS).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

function refuse(reason: string): never {
  throw new ValidationError('invalid chargeback', [{ field: 'shared', reason }], FIX);
}
