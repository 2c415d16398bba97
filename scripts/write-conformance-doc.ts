/**
 * Rewrites the conformance table in docs/token-accounting.md from
 * src/pricing/conformance-cases.ts. Run: node --import tsx scripts/write-conformance-doc.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFORMANCE_CASES } from '../src/pricing/conformance-cases.ts';
import { updateConformanceTable } from '../src/pricing/update-conformance-table.ts';

const doc = new URL('../docs/token-accounting.md', import.meta.url);
const before = readFileSync(doc, 'utf8');
const after = updateConformanceTable(before, CONFORMANCE_CASES);
if (after === before) {
  process.stdout.write('docs/token-accounting.md is up to date\n');
} else {
  writeFileSync(doc, after);
  process.stdout.write(`docs/token-accounting.md: ${CONFORMANCE_CASES.length} cases written\n`);
}
