import { ValidationError } from '../../domain/errors/index.ts';
import { centsToDollars } from '../../domain/pico-dollars.ts';
import type { AllocationTotals, SharedScope } from '../../store/allocation-spec.ts';
import {
  UNALLOCATED,
  type ChargebackLine,
  type ChargebackStatement,
} from './chargeback-statement.ts';
import { groupAllocationTotals } from './group-allocation-totals.ts';
import type { ChargebackRequest } from './parse-chargeback-request.ts';
import { roundToCents } from './round-to-cents.ts';
import { formatPercent, type SharedRule } from './shared-rule.ts';
import { splitCents } from './split-cents.ts';

/**
 * Turns exact sums into statements. Every amount (each team's direct spend, each pool source)
 * is rounded to whole cents together, so they add up to the month's total rounded to the
 * cent; the pool's cents are then split by the rule, again by largest remainder, so no cent
 * is made or lost. `knownTeams` are every team the store has seen, for checking fixed rules.
 */
export function buildChargebackStatement(
  request: ChargebackRequest,
  totals: readonly AllocationTotals[],
  sharedScopes: readonly SharedScope[],
  knownTeams: readonly string[],
): ChargebackStatement {
  const { direct, sources } = groupAllocationTotals(totals, sharedScopes);
  if (request.rule.kind === 'fixed') {
    for (const share of request.rule.shares) {
      if (!direct.has(share.team) && !knownTeams.includes(share.team)) {
        throw new ValidationError(
          'invalid chargeback',
          [{ field: 'shared', reason: `names team "${share.team}", which has no recorded calls` }],
          `name existing teams (${[...new Set([...direct.keys(), ...knownTeams])].sort().join(', ') || 'none yet'}) with percentages adding to 100`,
        );
      }
      if (!direct.has(share.team)) direct.set(share.team, { pico: 0n, events: 0 });
    }
  }
  const teams = [...direct.keys()].sort();
  const sourceNames = [...sources.keys()];
  const cents = roundToCents([
    ...teams.map((team) => direct.get(team)?.pico ?? 0n),
    ...sourceNames.map((name) => sources.get(name)?.pico ?? 0n),
  ]);
  const directCents = cents.slice(0, teams.length);
  const sourceCents = cents.slice(teams.length);
  const poolCents = sourceCents.reduce((sum, value) => sum + value, 0n);
  const weights = teams.map((team) => weightOf(request.rule, team, direct.get(team)?.pico ?? 0n));
  const splittable = weights.some((weight) => weight > 0n);
  const shared = splittable ? splitCents(poolCents, weights) : teams.map(() => 0n);

  const lines: ChargebackLine[] = teams.map((team, index) => {
    const own = directCents[index] ?? 0n;
    const part = shared[index] ?? 0n;
    return line(request, team, own, part, poolCents, direct.get(team)?.events ?? 0);
  });
  if (!splittable && poolCents !== 0n)
    lines.push(line(request, UNALLOCATED, 0n, poolCents, poolCents, 0));
  lines.sort((a, b) => b.total_cost - a.total_cost || a.team.localeCompare(b.team));
  const directTotal = directCents.reduce((sum, value) => sum + value, 0n);
  return {
    period: request.period,
    mode: request.mode,
    title:
      request.mode === 'chargeback'
        ? `Chargeback for ${request.period}: amounts to charge each team`
        : `Showback for ${request.period}: spend per team, for information (nothing is charged)`,
    split: describeSplit(request.rule, splittable, weights.filter((weight) => weight > 0n).length),
    total_cost: centsToDollars(directTotal + poolCents),
    direct_cost: centsToDollars(directTotal),
    pool_cost: centsToDollars(poolCents),
    pool: sourceNames.map((name, index) => ({
      source: name,
      kind: sources.get(name)?.kind ?? 'untagged',
      cost: centsToDollars(sourceCents[index] ?? 0n),
      requests: sources.get(name)?.events ?? 0,
    })),
    lines,
  };
}

function weightOf(rule: SharedRule, team: string, directPico: bigint): bigint {
  if (rule.kind === 'fixed') return rule.shares.find((share) => share.team === team)?.units ?? 0n;
  if (directPico <= 0n) return 0n;
  return rule.kind === 'even' ? 1n : directPico;
}

function line(
  request: ChargebackRequest,
  team: string,
  own: bigint,
  part: bigint,
  pool: bigint,
  requests: number,
): ChargebackLine {
  return {
    team,
    mode: request.mode,
    direct_cost: centsToDollars(own),
    shared_cost: centsToDollars(part),
    total_cost: centsToDollars(own + part),
    pool_share: pool === 0n ? 0 : Math.round((Number(part) / Number(pool)) * 1e6) / 1e6,
    requests,
  };
}

function describeSplit(rule: SharedRule, splittable: boolean, recipients: number): string {
  if (!splittable)
    return `${rule.kind}: no team to spread the pool over, so it stays ${UNALLOCATED}`;
  if (rule.kind === 'proportional') return `proportional to direct spend (${recipients} teams)`;
  if (rule.kind === 'even') return `even across the ${recipients} teams with direct spend`;
  return `fixed: ${rule.shares.map((share) => `${share.team} ${formatPercent(share.units)} %`).join(', ')}`;
}
