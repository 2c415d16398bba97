import type { HeaderMap } from '../wire-protocol.ts';

/** A request header's first value, trimmed; undefined when missing or blank. */
export function readHeader(headers: HeaderMap, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed === undefined || trimmed.length === 0 ? undefined : trimmed;
}
