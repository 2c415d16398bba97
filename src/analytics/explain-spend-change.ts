import { toStoredPrecision } from '../domain/money.ts';
import type { ReportRow } from '../store/report-spec.ts';

/** Why one group's spend moved between two periods; the four effects add up to `change`. */
export type SpendChangeRow = {
  team: string;
  feature: string;
  cost_before: number;
  cost_after: number;
  change: number;
  /** More or fewer calls, at the earlier model mix, tokens per call and prices. */
  volume_effect: number;
  /** Calls moving between models (a new model's whole cost lands here). */
  mix_effect: number;
  /** More or fewer tokens per call on each model. */
  tokens_per_call_effect: number;
  /** Each model's cost per token moving (catalog prices, tiers, cache hit rates). */
  price_effect: number;
  requests_before: number;
  requests_after: number;
};

interface ModelUse {
  requests: number;
  tokens: number;
  cost: number;
}

type Group = Map<string, ModelUse>;

/**
 * Chained decomposition of cost = calls × model share × tokens per call × cost per token,
 * applied in that order per team and feature: each effect is the change in cost when one
 * factor moves from its earlier to its later value with the ones before it already moved, so
 * the four add up exactly to the change (the price effect closes the chain, so a cost given
 * without tokens lands there). Rows come from `report --by team,feature,provider,model` of
 * each period.
 */
export function explainSpendChange(
  before: readonly ReportRow[],
  after: readonly ReportRow[],
): SpendChangeRow[] {
  const earlier = groupRows(before);
  const later = groupRows(after);
  const keys = new Set([...earlier.keys(), ...later.keys()]);
  return [...keys]
    .map((key) =>
      decompose(
        key,
        earlier.get(key) ?? new Map<string, ModelUse>(),
        later.get(key) ?? new Map<string, ModelUse>(),
      ),
    )
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.team.localeCompare(b.team));
}

function groupRows(rows: readonly ReportRow[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = `${String(row.team)}\u0000${String(row.feature)}`;
    const group = groups.get(key) ?? new Map<string, ModelUse>();
    group.set(`${String(row.provider)}/${String(row.model)}`, {
      requests: row.requests,
      tokens: row.input_tokens + row.output_tokens,
      cost: row.cost,
    });
    groups.set(key, group);
  }
  return groups;
}

function decompose(key: string, earlier: Group, later: Group): SpendChangeRow {
  const [team = '', feature = ''] = key.split('\u0000');
  const total = (group: Group, field: keyof ModelUse) =>
    [...group.values()].reduce((sum, use) => sum + use[field], 0);
  const calls0 = total(earlier, 'requests');
  const calls1 = total(later, 'requests');
  const cost0 = total(earlier, 'cost');
  const cost1 = total(later, 'cost');
  const models = new Set([...earlier.keys(), ...later.keys()]);
  // Per model: share of calls, tokens per call, cost per token; a model missing from a
  // period borrows the other period's tokens per call and price, so it moves only the mix.
  const factors = [...models].map((model) => {
    const a = earlier.get(model);
    const b = later.get(model);
    const tokensPerCall = (use: ModelUse | undefined) =>
      use && use.requests > 0 ? use.tokens / use.requests : undefined;
    const price = (use: ModelUse | undefined) =>
      use && use.tokens > 0 ? use.cost / use.tokens : undefined;
    const t0 = tokensPerCall(a) ?? tokensPerCall(b) ?? 0;
    const t1 = tokensPerCall(b) ?? t0;
    const p0 = price(a) ?? price(b) ?? 0;
    const p1 = price(b) ?? p0;
    return {
      s0: calls0 > 0 ? (a?.requests ?? 0) / calls0 : 0,
      s1: calls1 > 0 ? (b?.requests ?? 0) / calls1 : 0,
      t0,
      t1,
      p0,
      p1,
    };
  });
  const cost = (calls: number, pick: (factor: (typeof factors)[number]) => number) =>
    factors.reduce((sum, factor) => sum + calls * pick(factor), 0);
  let volume: number;
  let mix = 0;
  let tokensPerCall = 0;
  let price = 0;
  if (calls0 === 0 || calls1 === 0) {
    volume = cost1 - cost0;
  } else {
    const afterVolume = cost0 * (calls1 / calls0);
    const afterMix = cost(calls1, (f) => f.s1 * f.t0 * f.p0);
    const afterTokens = cost(calls1, (f) => f.s1 * f.t1 * f.p0);
    volume = afterVolume - cost0;
    mix = afterMix - afterVolume;
    tokensPerCall = afterTokens - afterMix;
    price = cost1 - afterTokens;
  }
  return {
    team,
    feature,
    cost_before: toStoredPrecision(cost0),
    cost_after: toStoredPrecision(cost1),
    change: toStoredPrecision(cost1 - cost0),
    volume_effect: toStoredPrecision(volume),
    mix_effect: toStoredPrecision(mix),
    tokens_per_call_effect: toStoredPrecision(tokensPerCall),
    price_effect: toStoredPrecision(price),
    requests_before: calls0,
    requests_after: calls1,
  };
}
