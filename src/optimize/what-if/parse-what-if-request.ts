import { parseReportRequest } from '../../analytics/index.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import type { WhatIfSpec } from './run-what-if.ts';
import type { WhatIfScenario } from './what-if-scenario.ts';
import { DEFAULT_CACHE_TTL_SECONDS } from './exact-cache.ts';

/** `tokenops whatif` and GET /api/v1/whatif as given, all text. */
export interface WhatIfRequest {
  by?: string;
  where?: readonly string[];
  from?: string;
  to?: string;
  /** A model to replay on: `M`, or `provider:M` for another provider's. */
  model?: string;
  /** A prompt ceiling in tokens. */
  contextCap?: string;
  /** `batch` or `flex`. */
  tier?: string;
  /**
   * `prefix`: the system prompt and tool definitions behind a cache breakpoint; `exact`: the
   * gateway's exact response cache on.
   */
  cache?: string;
  /** The exact cache's time to live in seconds (default 3600); only with `cache: exact`. */
  cacheTtl?: string;
  /** An answer ceiling in tokens. */
  outputCap?: string;
  /** `true`: failed attempts bill nothing (the causes of retries fixed). */
  fixRetries?: string;
  /** A system prompt ceiling in tokens. */
  systemPromptTokens?: string;
}

const FIX =
  'pass one of --model M (or provider:M), --context-cap N, --tier batch|flex, --cache prefix|exact [--cache-ttl SECONDS], --output-cap N, --fix-retries or --system-prompt-tokens N, with --from and --to';

type ScenarioField = Exclude<keyof WhatIfRequest, 'by' | 'where' | 'from' | 'to' | 'cacheTtl'>;

const SCENARIOS: Record<
  ScenarioField,
  (text: string, providers: readonly string[], request: WhatIfRequest) => WhatIfScenario
> = {
  model: modelScenario,
  contextCap: (text) => ({ kind: 'context-cap', maxInputTokens: whole('context-cap', text) }),
  tier: (text) => {
    if (text !== 'batch' && text !== 'flex')
      throw invalid('tier', `"${text}" is not batch or flex`);
    return { kind: 'tier', tier: text };
  },
  cache: (text, _providers, request) => {
    if (text === 'exact') {
      const ttl = request.cacheTtl;
      return {
        kind: 'exact-cache',
        ttlSeconds: ttl === undefined ? DEFAULT_CACHE_TTL_SECONDS : whole('cache-ttl', ttl),
      };
    }
    if (text !== 'prefix') throw invalid('cache', `"${text}" is not prefix or exact`);
    return { kind: 'prompt-cache' };
  },
  outputCap: (text) => ({ kind: 'output-cap', maxOutputTokens: whole('output-cap', text) }),
  fixRetries: (text) => {
    if (text !== 'true') throw invalid('fix-retries', `"${text}" is not true`);
    return { kind: 'no-retries' };
  },
  systemPromptTokens: (text) => ({
    kind: 'system-prompt',
    maxSystemPromptTokens: whole('system-prompt-tokens', text),
  }),
};

export function parseWhatIfRequest(
  request: WhatIfRequest,
  providers: readonly string[],
): WhatIfSpec {
  const report = parseReportRequest({
    ...(request.by === undefined ? {} : { by: request.by }),
    ...(request.from === undefined ? {} : { from: request.from }),
    ...(request.to === undefined ? {} : { to: request.to }),
    where: request.where ?? [],
  });
  if (report.from === undefined || report.to === undefined) {
    throw invalid('from', 'a whatif replays a period: both ends are needed');
  }
  const given = (Object.keys(SCENARIOS) as ScenarioField[]).filter(
    (field) => request[field] !== undefined,
  );
  const [field] = given;
  if (given.length !== 1 || field === undefined) {
    throw invalid('scenario', 'give exactly one change to replay');
  }
  if (request.cacheTtl !== undefined && request.cache !== 'exact') {
    throw invalid('cache-ttl', 'is the exact cache’s time to live: it needs --cache exact');
  }
  return {
    scenario: SCENARIOS[field](request[field] ?? '', providers, request),
    from: report.from,
    to: report.to,
    filters: report.filters,
    dimensions: report.dimensions,
    providers,
  };
}

function modelScenario(text: string, providers: readonly string[]): WhatIfScenario {
  const separator = text.indexOf(':');
  const prefix = separator > 0 ? text.slice(0, separator) : undefined;
  // Bedrock model ids hold colons: only a known provider name splits.
  if (prefix !== undefined && providers.includes(prefix)) {
    return { kind: 'model', provider: prefix, model: text.slice(separator + 1) };
  }
  if (text.trim() === '') throw invalid('model', 'is empty');
  return { kind: 'model', model: text.trim() };
}

/** A count of tokens, or of seconds for the cache's time to live. */
function whole(field: string, text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1) {
    const unit = field === 'cache-ttl' ? 'seconds' : 'tokens';
    throw invalid(field, `"${text}" is not a whole number of ${unit} above 0`);
  }
  return count;
}

function invalid(field: string, reason: string): ValidationError {
  return new ValidationError('invalid whatif', [{ field, reason }], FIX);
}
