import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONFORMANCE_CASES } from './conformance-cases.ts';
import { updateConformanceTable } from './update-conformance-table.ts';

const DOC = new URL('../../docs/token-accounting.md', import.meta.url);

test('docs/token-accounting.md shows the current conformance table', () => {
  const document = readFileSync(DOC, 'utf8');
  assert.ok(
    document === updateConformanceTable(document, CONFORMANCE_CASES),
    'the table is out of date: run `node --import tsx scripts/write-conformance-doc.ts`',
  );
});

test('the table refuses a document without its markers', () => {
  assert.throws(() => updateConformanceTable('# no markers', CONFORMANCE_CASES), /markers/);
});
