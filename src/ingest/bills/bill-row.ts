import { BillFileError } from '../../domain/errors/index.ts';
import type { TabularRow } from '../../store/tabular-file.ts';
import type { ColumnIndex, ColumnName } from './column-index.ts';
import { parseBillTimestamp } from './parse-bill-timestamp.ts';
import { parseDecimal } from './parse-decimal.ts';
import { parseMapColumn } from './parse-map-column.ts';

const FIX = 'correct the value in the file or export it again; nothing of the file was imported';
/**
 * No quantity (tokens, 1K units) or amount on one bill line comes near this; a larger value
 * is a corrupt cell, and would overflow the store's DECIMAL(38,12) or sum into nonsense.
 */
const MAX_AMOUNT = 1e15;

/**
 * One row of a tabular export, read by column name with every refusal naming the line and
 * column, e.g. "line 7, column line_item_unblended_cost". Empty cells are absent values.
 */
export class BillRow {
  constructor(
    private readonly row: TabularRow,
    private readonly columns: ColumnIndex,
    readonly file: string,
    /** "line" for CSV; "row" for Parquet, whose rows have no line numbers. */
    private readonly unit: 'line' | 'row',
  ) {}

  /** Where this row is: "line 7" (CSV) or "row 6" (Parquet). */
  get where(): string {
    return this.unit === 'line' ? `line ${this.row.line}` : `row ${this.row.line - 1}`;
  }

  /** Whether the file has the column at all (exports differ in which optional ones they add). */
  has(name: ColumnName): boolean {
    return this.columns.resolve(name) !== undefined;
  }

  /** Trimmed text, or undefined when the column is missing or the cell empty. */
  text(name: ColumnName): string | undefined {
    const column = this.columns.resolve(name);
    const value = column === undefined ? undefined : this.row.values[column]?.trim();
    return value === '' ? undefined : value;
  }

  requiredText(name: ColumnName): string {
    return this.text(name) ?? this.fail(name, 'is empty');
  }

  /** A decimal number, scaled by 10^scale exactly (see parseDecimal). */
  decimal(name: ColumnName, scale = 0): number | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    const value = parseDecimal(text, scale) ?? this.fail(name, `"${clip(text)}" is not a number`);
    if (Math.abs(value) >= MAX_AMOUNT) {
      this.fail(name, `"${clip(text)}" is out of range (no bill line reaches 10^15)`);
    }
    return value;
  }

  requiredDecimal(name: ColumnName, scale = 0): number {
    return this.decimal(name, scale) ?? this.fail(name, 'is empty');
  }

  timestamp(name: ColumnName): number {
    const text = this.requiredText(name);
    return parseBillTimestamp(text) ?? this.fail(name, `"${clip(text)}" is not a date and time`);
  }

  /** A key-value column (tags, labels, a product map); empty when the cell is. */
  map(name: ColumnName): Record<string, string> {
    const text = this.text(name);
    if (text === undefined) return {};
    return parseMapColumn(text) ?? this.fail(name, 'is not a JSON object of keys and values');
  }

  /** A JSON cell (a flattened export writes its repeated fields as JSON arrays). */
  json(name: ColumnName): unknown {
    const text = this.text(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return this.fail(name, 'is not valid JSON');
    }
  }

  fail(name: ColumnName, reason: string, fix = FIX): never {
    const column = this.columns.resolve(name) ?? (typeof name === 'string' ? name : name[0]);
    throw new BillFileError(this.file, `${this.where}, column ${column}`, reason, fix);
  }
}

/** Enough of a bad value to recognise it, never a whole cell (which could be anything). */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
