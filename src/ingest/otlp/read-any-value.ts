import type { AttributeValue } from './otlp-span.ts';

/**
 * An OTLP AnyValue in its JSON form (protobuf is turned into the same form first) as a plain
 * value; undefined when it holds nothing usable, so a bad attribute drops alone, not the span.
 */
export function readAnyValue(raw: unknown): AttributeValue | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = raw as Record<string, unknown>;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (value.intValue !== undefined) return readInteger(value.intValue);
  if (value.doubleValue !== undefined) return readDouble(value.doubleValue);
  if (typeof value.bytesValue === 'string') return value.bytesValue;
  if (isObject(value.arrayValue)) {
    const items = Array.isArray(value.arrayValue.values) ? value.arrayValue.values : [];
    return items.map(readAnyValue).filter((item) => item !== undefined);
  }
  if (isObject(value.kvlistValue)) {
    const pairs = Array.isArray(value.kvlistValue.values) ? value.kvlistValue.values : [];
    const entries: [string, AttributeValue][] = [];
    for (const pair of pairs as unknown[]) {
      if (!isObject(pair) || typeof pair.key !== 'string') continue;
      const item = readAnyValue(pair.value);
      if (item !== undefined) entries.push([pair.key, item]);
    }
    return Object.fromEntries(entries);
  }
  return undefined;
}

/** OTLP JSON writes int64 as a decimal string, but exporters also send plain numbers. */
function readInteger(raw: unknown): bigint | undefined {
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return BigInt(raw);
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return BigInt(raw);
  return undefined;
}

/** Proto3 JSON allows "NaN" and "Infinity" as strings; a token count never needs them. */
function readDouble(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)))
    return Number(raw);
  return undefined;
}

function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}
