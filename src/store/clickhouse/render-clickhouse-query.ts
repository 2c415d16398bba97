import { StoreError } from '../../domain/errors/index.ts';
import type { SqlQuery } from '../sql/sql-dialect.ts';

const PLACEHOLDER = /\{p(\d+):(String|EpochMs)\}/g;
const SPECIAL = /[\\'\t\n\r\0]/g;
const SPECIAL_TEST = /[\\'\t\n\r\0]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\\0',
};

/** Text escaped for a ClickHouse quoted string (and for a TabSeparated field). */
export function escapeClickHouseText(value: string): string {
  // Most text (ids, names) has nothing to escape: skip the replace's callback and copy.
  if (!SPECIAL_TEST.test(value)) return value;
  return value.replace(SPECIAL, (character) => ESCAPES[character] ?? character);
}

/** A ClickHouse string literal holding `value` exactly. */
export function quoteClickHouseText(value: string): string {
  return `'${escapeClickHouseText(value)}'`;
}

/**
 * The query with its placeholders replaced by literals, in one pass (a value is never scanned
 * for placeholders). ClickHouse 18.16 takes no query parameters, so values are bound here:
 * text as escaped string literals, timestamps (`YYYY-MM-DD HH:MM:SS.mmm`, UTC) as epoch ms.
 */
export function renderClickHouseQuery(query: SqlQuery): string {
  return query.text.replace(PLACEHOLDER, (_match, position: string, type: string) => {
    const value = query.params[Number(position) - 1];
    if (value === undefined) {
      throw new StoreError(`query parameter ${position} is missing`, 'report this as a bug');
    }
    if (type === 'String') return quoteClickHouseText(value);
    const epochMs = Date.parse(`${value.replace(' ', 'T')}Z`);
    if (!Number.isInteger(epochMs)) {
      throw new StoreError(
        `query parameter ${position} is not a timestamp`,
        'report this as a bug',
      );
    }
    return String(epochMs);
  });
}
