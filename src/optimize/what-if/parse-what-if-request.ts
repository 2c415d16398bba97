import { parseReportRequest } from '../../analytics/index.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import type { WhatIfSpec } from './run-what-if.ts';
import type { WhatIfScenario } from './what-if-scenario.ts';

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
}

const FIX = 'pass one of --model M (or provider:M) and --context-cap N, with --from and --to';

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
  const scenarios = [request.model, request.contextCap].filter((given) => given !== undefined);
  if (scenarios.length !== 1) throw invalid('scenario', 'give exactly one change to replay');
  return {
    scenario:
      request.model !== undefined
        ? modelScenario(request.model, providers)
        : capScenario(request.contextCap ?? ''),
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

function capScenario(text: string): WhatIfScenario {
  const tokens = Number(text);
  if (!Number.isInteger(tokens) || tokens < 1) {
    throw invalid('context-cap', `"${text}" is not a whole number of tokens above 0`);
  }
  return { kind: 'context-cap', maxInputTokens: tokens };
}

function invalid(field: string, reason: string): ValidationError {
  return new ValidationError('invalid whatif', [{ field, reason }], FIX);
}
