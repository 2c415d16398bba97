import assert from 'node:assert/strict';
import { it } from 'node:test';
import { FOCUS_COLUMNS } from './focus-columns.ts';
import { buildFocusMetadata } from './focus-metadata.ts';

const metadata = buildFocusMetadata({
  generatorVersion: '0.1.0',
  createdAt: Date.parse('2026-03-11T08:30:00.250Z'),
});

it('describes the export: generator, FOCUS 1.3, creation date, version', () => {
  assert.equal(metadata.DataGenerator, 'tokenops');
  assert.equal(metadata.Schema.FocusVersion, '1.3');
  assert.equal(metadata.Schema.CreationDate, '2026-03-11T08:30:00Z');
  assert.equal(metadata.Schema.DataGeneratorVersion, '0.1.0');
});

it('defines every written column in file order, with FOCUS metadata types', () => {
  const definitions = metadata.Schema.ColumnDefinition;
  assert.deepEqual(
    definitions.map((definition) => definition.ColumnName),
    FOCUS_COLUMNS.map((column) => column.name),
  );
  const byName = new Map(definitions.map((definition) => [definition.ColumnName, definition]));
  assert.deepEqual(byName.get('BilledCost'), {
    ColumnName: 'BilledCost',
    DataType: 'DECIMAL',
    NumericPrecision: 38,
    NumberScale: 12,
  });
  assert.equal(byName.get('ChargePeriodStart')?.DataType, 'DATETIME');
  assert.deepEqual(byName.get('Tags')?.ProviderTagPrefixes, ['tokenops/']);
  assert.equal(byName.get('Tags')?.DataType, 'JSON');
  assert.equal(byName.get('ProviderName')?.Deprecated, true);
  assert.equal(byName.get('PublisherName')?.Deprecated, true);
  assert.equal(byName.get('ServiceProviderName')?.Deprecated, undefined);
});

it('keeps one schema id for one structure, whenever the export runs', () => {
  const later = buildFocusMetadata({ generatorVersion: '0.2.0', createdAt: Date.now() });
  assert.match(
    metadata.Schema.SchemaId,
    /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  assert.equal(later.Schema.SchemaId, metadata.Schema.SchemaId);
});
