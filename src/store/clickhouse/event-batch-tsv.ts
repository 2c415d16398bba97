import { columnStrings, type ColumnBatch, type ColumnValues } from '../column-batch.ts';
import { EVENT_COLUMN_NAMES } from '../event-columns.ts';
import { escapeClickHouseText, quoteClickHouseText } from './render-clickhouse-query.ts';

/** The columns the events table is written through: EVENT_COLUMNS, then the free-tag arrays. */
export const CLICKHOUSE_EVENT_COLUMNS = [...EVENT_COLUMN_NAMES, 'tag_keys', 'tag_values'];

const EXTRA_TAGS = EVENT_COLUMN_NAMES.indexOf('extra_tags');
const PICO = 10n ** 12n;

/**
 * A column batch (EVENT_COLUMNS) as TabSeparated rows for CLICKHOUSE_EVENT_COLUMNS. Money goes
 * as exact decimal text from its pico-unit integer, so ClickHouse stores what DuckDB stores.
 */
export function toEventTabSeparated(batch: ColumnBatch): string {
  const cells = batch.columns.map(tabSeparatedCell);
  const extraTags = batch.columns[EXTRA_TAGS];
  const extraTagTexts = extraTags ? columnStrings(extraTags) : [];
  const lines: string[] = new Array<string>(batch.count);
  for (let row = 0; row < batch.count; row += 1) {
    const fields = cells.map((cell) => cell(row));
    fields.push(...tagArrays(extraTagTexts[row] ?? null));
    lines[row] = fields.join('\t');
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A column's TabSeparated text by row (`\\N` for NULL), which is also a string literal's body. */
export function tabSeparatedCell(column: ColumnValues): (row: number) => string {
  const isNull = (row: number): boolean =>
    column.validity !== null && !((column.validity[row >>> 5]! >>> (row & 31)) & 1);
  const value = valueReader(column);
  return (row) => (isNull(row) ? '\\N' : value(row));
}

function valueReader(column: ColumnValues): (row: number) => string {
  switch (column.layout) {
    case 'varchar': {
      if (column.strings.length === 0 && column.dictionary) {
        const { names, codes } = column.dictionary;
        const escaped = names.map(escapeClickHouseText);
        return (row) => escaped[codes[row]!]!;
      }
      return (row) => escapeClickHouseText(column.strings[row] ?? '');
    }
    case 'int32': {
      const values = new Int32Array(column.bytes);
      return (row) => String(values[row]);
    }
    case 'boolean': {
      const values = new Uint8Array(column.bytes);
      return (row) => (values[row] ? '1' : '0');
    }
    case 'double': {
      const values = new Float64Array(column.bytes);
      return (row) => String(values[row]);
    }
    case 'money': {
      const values = new BigInt64Array(column.bytes);
      return (row) => decimalText(values[row] ?? 0n);
    }
    case 'timestamp': {
      // Held as microseconds; stored as the epoch milliseconds they came from.
      const values = new BigInt64Array(column.bytes);
      return (row) => String((values[row] ?? 0n) / 1000n);
    }
  }
}

/** Pico-units as DECIMAL(18,12) text, e.g. -1500000000000 → -1.500000000000. */
function decimalText(pico: bigint): string {
  const sign = pico < 0n ? '-' : '';
  const magnitude = pico < 0n ? -pico : pico;
  return `${sign}${magnitude / PICO}.${(magnitude % PICO).toString().padStart(12, '0')}`;
}

/** The free tags' keys and values as two ClickHouse array literals. */
function tagArrays(json: string | null): [string, string] {
  if (json === null) return ['[]', '[]'];
  const entries = Object.entries(JSON.parse(json) as Record<string, string>);
  const array = (items: string[]): string => `[${items.map(quoteClickHouseText).join(',')}]`;
  return [array(entries.map(([key]) => key)), array(entries.map(([, value]) => value))];
}
