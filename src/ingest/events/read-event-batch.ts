import { ValidationError, type FieldIssue } from '../../domain/errors/index.ts';
import { jsonErrorReason } from '../json-error-reason.ts';
import { parseUsageEvent, type ParseOptions } from '../../domain/usage-event-schema.ts';
import type { UsageEvent } from '../../domain/usage-event.ts';
import { findMalformedText } from './find-malformed-text.ts';

export interface RefusedEvent {
  /** 0-based position in the array, or the NDJSON line's index among non-empty lines. */
  index: number;
  issues: FieldIssue[];
}

export interface EventBatch {
  events: UsageEvent[];
  refused: RefusedEvent[];
}

const FIX = 'send a JSON array of events, or NDJSON with one event per line (docs/api.md)';
const NEWLINE = 0x0a;
const OPENING_BRACKET = 0x5b;

/**
 * A batch as the events API takes it: a JSON array, or NDJSON (one event per line), as UTF-8
 * bytes. Each event is checked on its own, so one bad event is refused with its index and
 * reasons while the others are kept; a body that is not JSON at all, or empty, is refused
 * whole. Bytes that are not UTF-8 are refused, never stored as replacement characters.
 */
export function readEventBatch(body: Uint8Array, options: ParseOptions): EventBatch {
  const start = firstNonSpace(body);
  if (start === body.length) throw invalidBody('is empty');
  const items = body[start] === OPENING_BRACKET ? parseArray(body) : parseLines(body);
  const batch: EventBatch = { events: [], refused: [] };
  items.forEach((item, index) => {
    if ('error' in item) {
      batch.refused.push({ index, issues: [{ field: '(line)', reason: item.error }] });
      return;
    }
    const parsed = parseUsageEvent(item.value, options);
    const malformed = parsed.ok && item.escapes ? findMalformedText(item.value) : undefined;
    if (malformed) batch.refused.push({ index, issues: [malformed] });
    else if (parsed.ok) batch.events.push(parsed.event);
    else batch.refused.push({ index, issues: parsed.issues });
  });
  return batch;
}

/** `escapes`: the text escapes a UTF-16 surrogate, so its strings need a closer look. */
type Item = { value: unknown; escapes: boolean } | { error: string };

/** UTF-8 cannot carry a lone surrogate; only a JSON `\uD800`-style escape can. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseArray(body: Uint8Array): Item[] {
  let text: string;
  let value: unknown;
  try {
    text = decoder.decode(body);
  } catch {
    throw invalidBody('is not UTF-8 text');
  }
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidBody(jsonErrorReason(error));
  }
  if (!Array.isArray(value)) throw invalidBody('is not a JSON array');
  const escapes = SURROGATE_ESCAPE.test(text);
  return value.map((item: unknown) => ({ value: item, escapes }));
}

/** Line by line, so a line that is not JSON, or not UTF-8, is refused alone. */
function parseLines(body: Uint8Array): Item[] {
  const items: Item[] = [];
  let start = 0;
  while (start < body.length) {
    const found = body.indexOf(NEWLINE, start);
    const end = found === -1 ? body.length : found;
    const line = body.subarray(start, end);
    start = end + 1;
    if (firstNonSpace(line) === line.length) continue;
    let text: string;
    try {
      text = decoder.decode(line);
    } catch {
      items.push({ error: 'is not UTF-8 text' });
      continue;
    }
    try {
      items.push({ value: JSON.parse(text) as unknown, escapes: SURROGATE_ESCAPE.test(text) });
    } catch (error) {
      items.push({ error: jsonErrorReason(error) });
    }
  }
  return items;
}

/** The index of the first byte that is not JSON whitespace or a byte order mark. */
function firstNonSpace(bytes: Uint8Array): number {
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && isJsonSpace(bytes[index])) index += 1;
  return index;
}

function isJsonSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function invalidBody(reason: string): ValidationError {
  return new ValidationError('invalid events body', [{ field: '(body)', reason }], FIX);
}
