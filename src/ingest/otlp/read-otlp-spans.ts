import { ValidationError } from '../../domain/errors/index.ts';
import type { AttributeValue, Attributes, OtlpSpan } from './otlp-span.ts';
import { readAnyValue } from './read-any-value.ts';

export interface RejectedSpan {
  /** `resourceSpans[0].scopeSpans[1].spans[2]`, so the sender can find it. */
  path: string;
  reason: string;
}

export interface ReadSpans {
  spans: OtlpSpan[];
  rejected: RejectedSpan[];
}

const FIX = 'send an OTLP ExportTraceServiceRequest (docs/api.md, POST /v1/traces)';
/** Later times do not fit a timestamp column (nor an ISO 8601 date); they are misreads. */
const YEAR_10000_NANOS = BigInt(Date.UTC(10000, 0, 1)) * 1_000_000n;

/**
 * The spans of an ExportTraceServiceRequest in OTLP's JSON form. A body of the wrong shape is
 * refused whole (400); a span with unreadable ids or times is rejected alone, which OTLP
 * reports as a partial success.
 */
export function readOtlpSpans(request: unknown): ReadSpans {
  if (!isObject(request)) throw malformed('(body)', 'is not a JSON object');
  const result: ReadSpans = { spans: [], rejected: [] };
  listAt(request, 'resourceSpans', 'resourceSpans').forEach((resourceSpans, resourceIndex) => {
    const resourcePath = `resourceSpans[${resourceIndex}]`;
    if (!isObject(resourceSpans)) throw malformed(resourcePath, 'is not an object');
    const resource = isObject(resourceSpans.resource)
      ? readAttributes(resourceSpans.resource.attributes)
      : new Map<string, AttributeValue>();
    // Exporters older than OTLP 0.15 named scopes "instrumentation library".
    const scopesKey = 'scopeSpans' in resourceSpans ? 'scopeSpans' : 'instrumentationLibrarySpans';
    listAt(resourceSpans, scopesKey, `${resourcePath}.${scopesKey}`).forEach(
      (scopeSpans, scopeIndex) => {
        const scopePath = `${resourcePath}.${scopesKey}[${scopeIndex}]`;
        if (!isObject(scopeSpans)) throw malformed(scopePath, 'is not an object');
        const scope = scopeSpans.scope ?? scopeSpans.instrumentationLibrary;
        const scopeName = isObject(scope) && typeof scope.name === 'string' ? scope.name : '';
        listAt(scopeSpans, 'spans', `${scopePath}.spans`).forEach((span, spanIndex) => {
          const path = `${scopePath}.spans[${spanIndex}]`;
          const read = readSpan(span, resource, scopeName);
          if (typeof read === 'string') result.rejected.push({ path, reason: read });
          else result.spans.push(read);
        });
      },
    );
  });
  return result;
}

/** The span, or why it cannot be used. */
function readSpan(raw: unknown, resource: Attributes, scopeName: string): OtlpSpan | string {
  if (!isObject(raw)) return 'is not an object';
  const traceId = readId(raw.traceId, 32);
  const spanId = readId(raw.spanId, 16);
  if (!traceId) return 'traceId must be 32 hex digits';
  if (!spanId) return 'spanId must be 16 hex digits';
  const parentSpanId = raw.parentSpanId === undefined ? '' : readId(raw.parentSpanId, 16, true);
  if (parentSpanId === undefined) return 'parentSpanId must be 16 hex digits or empty';
  const start = readNanos(raw.startTimeUnixNano);
  const end = readNanos(raw.endTimeUnixNano);
  if (start === undefined || start === 0n) return 'startTimeUnixNano must be a positive integer';
  if (end === undefined || end < start) return 'endTimeUnixNano must be at or after the start';
  if (end >= YEAR_10000_NANOS) return 'endTimeUnixNano must be a time before the year 10000';
  const status = isObject(raw.status) ? raw.status.code : undefined;
  return {
    traceId,
    spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
    name: typeof raw.name === 'string' ? raw.name : '',
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    statusCode: typeof status === 'number' ? status : 0,
    attributes: readAttributes(raw.attributes),
    resource,
    ...(scopeName ? { scopeName } : {}),
  };
}

function readAttributes(raw: unknown): Map<string, AttributeValue> {
  const attributes = new Map<string, AttributeValue>();
  if (!Array.isArray(raw)) return attributes;
  for (const pair of raw as unknown[]) {
    if (!isObject(pair) || typeof pair.key !== 'string') continue;
    const value = readAnyValue(pair.value);
    if (value !== undefined) attributes.set(pair.key, value);
  }
  return attributes;
}

/** OTLP JSON ids are hex (not proto JSON's base64), any case; empty means absent. */
function readId(raw: unknown, digits: number, emptyAllowed = false): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw === '' && emptyAllowed) return '';
  if (raw.length !== digits || !/^[0-9a-fA-F]+$/.test(raw) || /^0+$/.test(raw)) return undefined;
  return raw.toLowerCase();
}

/** A number past 2^53 has lost its last digits, but nanoseconds are read to the millisecond. */
function readNanos(raw: unknown): bigint | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return BigInt(raw);
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return BigInt(raw);
  return undefined;
}

/** A repeated field: absent is empty (proto3 leaves empty lists out), anything else refused. */
function listAt(parent: Record<string, unknown>, key: string, path: string): unknown[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw malformed(path, 'is not an array');
  return value as unknown[];
}

function malformed(field: string, reason: string): ValidationError {
  return new ValidationError('invalid OTLP trace export', [{ field, reason }], FIX);
}

function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}
