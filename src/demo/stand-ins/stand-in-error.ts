import type { OutgoingHttpHeaders } from 'node:http';

/** The failures a stand-in can answer with; each provider renders them in its own error shape. */
export type StandInErrorKind = 'rate-limited' | 'server-error' | 'invalid-request' | 'not-found';

export interface StandInError {
  readonly kind: StandInErrorKind;
  readonly status: number;
  readonly message: string;
  /** sent as `retry-after` on rate-limit errors, as real providers do */
  readonly retryAfterSeconds: number;
}

const STATUS_BY_KIND: Readonly<Record<StandInErrorKind, number>> = {
  'rate-limited': 429,
  'server-error': 500,
  'invalid-request': 400,
  'not-found': 404,
};

export function standInError(
  kind: StandInErrorKind,
  message: string,
  retryAfterSeconds = 1,
): StandInError {
  return { kind, status: STATUS_BY_KIND[kind], message, retryAfterSeconds };
}

/** Headers every provider adds to an error: clients back off on `retry-after` after a 429. */
export function standInErrorHeaders(error: StandInError): OutgoingHttpHeaders {
  return error.kind === 'rate-limited' ? { 'retry-after': String(error.retryAfterSeconds) } : {};
}
