import { createHash } from 'node:crypto';
import { FOCUS_COLUMNS, FOCUS_DECIMAL, type FocusColumn } from './focus-columns.ts';
import { TOKENOPS_TAG_PREFIX } from './focus-tags.ts';
import { toFocusDateTime } from './to-focus-date-time.ts';

export const FOCUS_VERSION = '1.3';

export interface FocusColumnDefinition {
  ColumnName: string;
  DataType: 'STRING' | 'DECIMAL' | 'DATETIME' | 'JSON';
  NumericPrecision?: number;
  NumberScale?: number;
  StringEncoding?: 'UTF-8';
  /** On the Tags column only: the prefixes of the tags tokenops derives. */
  ProviderTagPrefixes?: string[];
  Deprecated?: true;
}

/** The metadata that must accompany a FOCUS dataset (reference/focus.md §2). */
export interface FocusMetadata {
  DataGenerator: 'tokenops';
  Schema: {
    SchemaId: string;
    FocusVersion: typeof FOCUS_VERSION;
    CreationDate: string;
    DataGeneratorVersion: string;
    ColumnDefinition: FocusColumnDefinition[];
  };
}

export interface FocusMetadataOptions {
  /** The tokenops version writing the export. */
  generatorVersion: string;
  /** Epoch milliseconds; the export's start. */
  createdAt: number;
}

const DATA_TYPES: Record<FocusColumn['dataType'], FocusColumnDefinition['DataType']> = {
  String: 'STRING',
  Decimal: 'DECIMAL',
  'Date/Time': 'DATETIME',
  JSON: 'JSON',
};

export function buildFocusMetadata(options: FocusMetadataOptions): FocusMetadata {
  const columns = FOCUS_COLUMNS.map(columnDefinition);
  return {
    DataGenerator: 'tokenops',
    Schema: {
      SchemaId: schemaId(columns),
      FocusVersion: FOCUS_VERSION,
      CreationDate: toFocusDateTime(options.createdAt),
      DataGeneratorVersion: options.generatorVersion,
      ColumnDefinition: columns,
    },
  };
}

function columnDefinition(column: FocusColumn): FocusColumnDefinition {
  const definition: FocusColumnDefinition = {
    ColumnName: column.name,
    DataType: DATA_TYPES[column.dataType],
  };
  if (column.dataType === 'Decimal') {
    definition.NumericPrecision = FOCUS_DECIMAL.precision;
    definition.NumberScale = FOCUS_DECIMAL.scale;
  }
  if (column.dataType === 'String' || column.dataType === 'JSON') {
    definition.StringEncoding = 'UTF-8';
  }
  if (column.name === 'Tags') definition.ProviderTagPrefixes = [TOKENOPS_TAG_PREFIX];
  if (column.deprecated) definition.Deprecated = true;
  return definition;
}

/**
 * A UUID (version 5 layout) derived from the FOCUS version and the column definitions: the
 * spec wants a new schema id whenever the structure changes, and the same id while it does not,
 * so consumers can tell a schema change from a new export.
 */
function schemaId(columns: readonly FocusColumnDefinition[]): string {
  const digest = createHash('sha1')
    .update(JSON.stringify({ FocusVersion: FOCUS_VERSION, columns }))
    .digest();
  // The version nibble (5: name-based, SHA-1) and the RFC 4122 variant bits.
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x50;
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
