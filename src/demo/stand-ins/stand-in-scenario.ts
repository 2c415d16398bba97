import { StandInRequestError } from './stand-in-request-error.ts';

/**
 * What a stand-in does with one call, chosen by the `x-stand-in-scenario` request header so a
 * test can drive the gateway's failure paths through an unmodified SDK (defaultHeaders).
 */
export const STAND_IN_SCENARIOS = [
  /** answer normally */
  'ok',
  /** the provider's rate-limit error, status 429 with `retry-after` */
  'error-429',
  /** the provider's server error, status 500 */
  'error-500',
  /** the provider's invalid-request error, status 400 */
  'error-400',
  /** read the request and never answer, until the client leaves or the server closes */
  'hang',
  /** send about half the content, then destroy the socket: no usage, no terminator */
  'broken-stream',
  /** one non-JSON line (`data: {garbage`) just before the event that carries the usage */
  'malformed-line',
  /** 50 ms between stream chunks for this call */
  'slow-stream',
] as const;

export type StandInScenario = (typeof STAND_IN_SCENARIOS)[number];

/** The chunk delay `slow-stream` imposes: long enough to observe, short enough for tests. */
export const SLOW_STREAM_CHUNK_DELAY_MS = 50;

export function readStandInScenario(header: string | undefined): StandInScenario {
  if (header === undefined || header === '') return 'ok';
  const scenario = STAND_IN_SCENARIOS.find((candidate) => candidate === header);
  if (scenario === undefined) {
    throw new StandInRequestError(
      `x-stand-in-scenario "${header}" is not one of ${STAND_IN_SCENARIOS.join(', ')}`,
    );
  }
  return scenario;
}
