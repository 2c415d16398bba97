import type { ReportFilter } from '../../store/report-spec.ts';
import type { WhatIfScenario } from '../what-if/what-if-scenario.ts';
import type { RecommendedChange } from './recommendation.ts';

const DAY_MS = 86_400_000;

/** The `tokenops whatif` command that replays a change over [from, to) and the filters. */
export function whatIfCommand(
  change: RecommendedChange,
  period: { from: number; to: number; filters: readonly ReportFilter[] },
): string {
  const where = [
    ...period.filters.map((filter) => `${filter.dimension}=${filter.value}`),
    ...Object.entries(change.where).map(([key, value]) => `${key}=${value}`),
  ];
  const words = [
    'tokenops',
    'whatif',
    '--from',
    boundText(period.from, 'from'),
    '--to',
    boundText(period.to, 'to'),
    ...where.flatMap((filter) => ['--where', filter]),
    ...scenarioFlags(change.scenario),
  ];
  return words.map(quote).join(' ');
}

function scenarioFlags(scenario: WhatIfScenario): string[] {
  switch (scenario.kind) {
    case 'model':
      return [
        '--model',
        scenario.provider ? `${scenario.provider}:${scenario.model}` : scenario.model,
      ];
    case 'context-cap':
      return ['--context-cap', String(scenario.maxInputTokens)];
    case 'tier':
      return ['--tier', scenario.tier];
    case 'prompt-cache':
      return ['--cache', 'prefix'];
    case 'exact-cache':
      return ['--cache', 'exact', '--cache-ttl', String(scenario.ttlSeconds)];
    case 'output-cap':
      return ['--output-cap', String(scenario.maxOutputTokens)];
    case 'no-retries':
      return ['--fix-retries'];
    case 'system-prompt':
      return ['--system-prompt-tokens', String(scenario.maxSystemPromptTokens)];
  }
}

/** A whole day as YYYY-MM-DD (`--to` takes the last day, included); else ISO 8601. */
function boundText(at: number, bound: 'from' | 'to'): string {
  if (at % DAY_MS !== 0) return new Date(at).toISOString();
  return new Date(bound === 'to' ? at - DAY_MS : at).toISOString().slice(0, 10);
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
