type Cell = string | number | boolean | null | undefined;

/** RFC 4180 CSV: quotes only where a field needs them. */
export function formatCsv(
  columns: readonly string[],
  rows: readonly Record<string, Cell>[],
): string {
  const escape = (value: Cell): string => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [
    columns.map(escape).join(','),
    ...rows.map((row) => columns.map((column) => escape(row[column])).join(',')),
  ].join('\n');
}
