/** A column by its name, or by a list of accepted names (EA and MCA exports differ). */
export type ColumnName = string | readonly string[];

/**
 * Finds a file's own header name for a column, ignoring case: cloud exports change casing
 * between account types (`MeterName` in one, `meterName` in another) but never meaning.
 */
export class ColumnIndex {
  private readonly byLowerCase = new Map<string, string>();
  /** Resolutions by name list, keyed by text so a list written inline is resolved once. */
  private readonly resolved = new Map<string, string | undefined>();

  constructor(readonly columns: readonly string[]) {
    for (const column of columns) {
      const key = column.trim().toLowerCase();
      if (!this.byLowerCase.has(key)) this.byLowerCase.set(key, column);
    }
  }

  /** The header as the file spells it, or undefined when the file has none of the names. */
  resolve(name: ColumnName): string | undefined {
    const key = typeof name === 'string' ? name : name.join('\n');
    if (this.resolved.has(key)) return this.resolved.get(key);
    const names = typeof name === 'string' ? [name] : name;
    const found = names
      .map((candidate) => this.byLowerCase.get(candidate.toLowerCase()))
      .find((column) => column !== undefined);
    this.resolved.set(key, found);
    return found;
  }

  /** The first required column the file lacks, named as the importer spells it. */
  firstMissing(required: readonly ColumnName[]): string | undefined {
    const missing = required.find((name) => this.resolve(name) === undefined);
    if (missing === undefined) return undefined;
    return typeof missing === 'string' ? missing : missing.join(' or ');
  }
}
