import type { IncomingHttpHeaders } from 'node:http';
import { mergeUsage } from './merge-usage.ts';
import type { TokenCounts } from './stand-in-responder.ts';
import { StandInRequestError } from './stand-in-request-error.ts';
import type { StandInControl } from './stand-in-control.ts';
import {
  readStandInScenario,
  SLOW_STREAM_CHUNK_DELAY_MS,
  type StandInScenario,
} from './stand-in-scenario.ts';

export interface StandInControlDefaults {
  readonly usage: TokenCounts;
  readonly usageFields: readonly string[];
  readonly chunkDelayMs: number;
  /** the scenario per requested model, for calls without the header */
  readonly scenarios: Readonly<Record<string, StandInScenario>>;
}

export function readStandInControl(
  headers: IncomingHttpHeaders,
  defaults: StandInControlDefaults,
  requestedModel: string | undefined,
): StandInControl {
  const asked = header(headers, 'x-stand-in-scenario');
  const scenario =
    asked === undefined && requestedModel !== undefined
      ? (defaults.scenarios[requestedModel] ?? 'ok')
      : readStandInScenario(asked);
  const usageHeader = header(headers, 'x-stand-in-usage');
  const retryAfter = header(headers, 'x-stand-in-retry-after');
  return {
    scenario,
    usage:
      usageHeader === undefined
        ? defaults.usage
        : mergeUsage(
            defaults.usage,
            parseJson(usageHeader),
            defaults.usageFields,
            'x-stand-in-usage',
          ),
    model: header(headers, 'x-stand-in-model'),
    serviceTier: header(headers, 'x-stand-in-service-tier'),
    chunkDelayMs: scenario === 'slow-stream' ? SLOW_STREAM_CHUNK_DELAY_MS : defaults.chunkDelayMs,
    retryAfterSeconds: retryAfter === undefined ? 1 : wholeSeconds(retryAfter),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new StandInRequestError('x-stand-in-usage is not valid JSON');
  }
}

function wholeSeconds(text: string): number {
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new StandInRequestError('x-stand-in-retry-after must be whole seconds');
  }
  return seconds;
}
