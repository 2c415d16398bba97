import { ValidationError, type FieldIssue } from '../../domain/errors/index.ts';
import { parseUsageEvent, type ParseOptions } from '../../domain/usage-event-schema.ts';
import type { UsageEvent } from '../../domain/usage-event.ts';

export interface RefusedEvent {
  /** 0-based position in the array, or the NDJSON line's index among non-empty lines. */
  index: number;
  issues: FieldIssue[];
}

export interface EventBatch {
  events: UsageEvent[];
  refused: RefusedEvent[];
}

/**
 * A batch as the events API takes it: a JSON array, or NDJSON (one event per line). Each
 * event is checked on its own, so one bad event is refused with its index and reasons while
 * the others are kept; a body that is not JSON at all is refused whole.
 */
export function readEventBatch(text: string, options: ParseOptions): EventBatch {
  const trimmed = text.trimStart();
  const items = trimmed.startsWith('[') ? parseArray(trimmed) : parseLines(trimmed);
  const batch: EventBatch = { events: [], refused: [] };
  items.forEach((item, index) => {
    if ('error' in item) {
      batch.refused.push({ index, issues: [{ field: '(line)', reason: item.error }] });
      return;
    }
    const parsed = parseUsageEvent(item.value, options);
    if (parsed.ok) batch.events.push(parsed.event);
    else batch.refused.push({ index, issues: parsed.issues });
  });
  return batch;
}

type Item = { value: unknown } | { error: string };

function parseArray(text: string): Item[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(
      'invalid events body',
      [{ field: '(body)', reason: `is not valid JSON: ${(error as Error).message}` }],
      'send a JSON array of events, or NDJSON with one event per line',
    );
  }
  if (!Array.isArray(value)) {
    throw new ValidationError(
      'invalid events body',
      [{ field: '(body)', reason: 'is not a JSON array' }],
      'send a JSON array of events, or NDJSON',
    );
  }
  return value.map((item: unknown) => ({ value: item }));
}

function parseLines(text: string): Item[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return { value: JSON.parse(line) as unknown };
      } catch (error) {
        return { error: `is not valid JSON: ${(error as Error).message}` };
      }
    });
}
