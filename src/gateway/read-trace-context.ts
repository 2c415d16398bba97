import type { HeaderMap } from '../providers/wire-protocol.ts';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** The W3C `traceparent` of an instrumented caller: the call joins its trace as a child span. */
export function readTraceContext(
  headers: HeaderMap,
): { traceId: string; parentSpanId: string } | undefined {
  const value = headers.traceparent;
  const match = TRACEPARENT.exec(typeof value === 'string' ? value.trim() : '');
  if (!match?.[1] || !match[2] || /^0+$/.test(match[1])) return undefined;
  return { traceId: match[1], parentSpanId: match[2] };
}
