import { BillFileError } from '../../domain/errors/index.ts';

const FIX = 'export the file again from the API without editing it; nothing of it was imported';

/**
 * A value inside a JSON export together with its path (`data[1].results[0].amount.value`), so
 * every refusal names exactly the value at fault. Optional readers treat null as absent:
 * the usage and cost APIs put null in every dimension a request did not group by.
 */
export class JsonCursor {
  constructor(
    readonly value: unknown,
    readonly path: string,
    private readonly file: string,
  ) {}

  static root(document: unknown, file: string): JsonCursor {
    return new JsonCursor(document, '', file);
  }

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  field(name: string): JsonCursor {
    const value = isObject(this.value) ? this.value[name] : undefined;
    return new JsonCursor(value, this.path ? `${this.path}.${name}` : name, this.file);
  }

  /** The elements of a required array. */
  items(): JsonCursor[] {
    if (!Array.isArray(this.value)) return this.fail('is not a list');
    return this.value.map(
      (value: unknown, index) => new JsonCursor(value, `${this.path}[${index}]`, this.file),
    );
  }

  optionalString(): string | undefined {
    if (!this.present) return undefined;
    return typeof this.value === 'string' ? this.value : this.fail('is not text');
  }

  string(): string {
    return this.optionalString() ?? this.fail('is missing');
  }

  optionalNumber(): number | undefined {
    if (!this.present) return undefined;
    return typeof this.value === 'number' && Number.isFinite(this.value)
      ? this.value
      : this.fail('is not a number');
  }

  number(): number {
    return this.optionalNumber() ?? this.fail('is missing');
  }

  /** A token or request count: a whole number, zero or more. */
  optionalCount(): number | undefined {
    const value = this.optionalNumber();
    if (value === undefined || (Number.isInteger(value) && value >= 0)) return value;
    return this.fail('is not a whole number of zero or more');
  }

  optionalBoolean(): boolean | undefined {
    if (!this.present) return undefined;
    return typeof this.value === 'boolean' ? this.value : this.fail('is not true or false');
  }

  fail(reason: string, fix = FIX): never {
    throw new BillFileError(this.file, this.path || 'the document', reason, fix);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
