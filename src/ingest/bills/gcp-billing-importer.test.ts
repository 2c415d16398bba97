import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { toStoredPrecision } from '../../domain/money.ts';
import { DuckDbTabularReader } from '../../store/duckdb/duckdb-tabular-reader.ts';
import { importBillFile } from './import-bill-file.ts';

const GCP = fileURLToPath(new URL('__fixtures__/gcp-billing-vertex.csv', import.meta.url));
const reader = new DuckDbTabularReader();
const directory = mkdtempSync(join(tmpdir(), 'tokenops-gcp-'));
after(() => {
  reader.close();
  rmSync(directory, { recursive: true, force: true });
});
const options = { reader, readText: (path: string) => readFile(path, 'utf8') };
const [header = '', ...rows] = readFileSync(GCP, 'utf8').trimEnd().split('\n');

describe('gcpBillingImporter', () => {
  it('reads model, class and tiers from Gemini SKU descriptions', async () => {
    const { lines, rowsRead } = await importBillFile(GCP, 'gcp-billing', options);
    assert.equal(rowsRead, 9);
    // No credits in the fixture, so net = cost: 0.34032 + 0.12288 + 0.53075 + 2.11275
    // + 3.0109375 + 0.9842 + 3.106 + 1.53 + 0.063 = 11.8008375
    const total = lines.reduce((sum, line) => sum + (line.cost ?? 0), 0);
    assert.equal(toStoredPrecision(total), 11.8008375);
    assert.deepEqual(
      lines.map((line) => [line.model, line.billedClass, line.contextTier, line.quantity]),
      [
        ['gemini-2.5-flash', 'input', 'standard', 1_134_400],
        ['gemini-2.5-flash', 'cache_read', 'standard', 4_096_000],
        ['gemini-2.5-flash', 'output', 'standard', 212_300],
        ['gemini-2.5-flash', 'reasoning', 'standard', 845_100],
        ['gemini-2.5-pro', 'input', 'standard', 2_408_750],
        ['gemini-2.5-pro', 'output', 'standard', 98_420],
        ['gemini-2.5-pro', 'reasoning', 'standard', 310_600],
        ['gemini-2.5-pro', 'input', 'long', 612_000],
        ['gemini-2.5-pro', 'output', 'long', 4200],
      ],
    );
    const [first] = lines;
    assert.equal(first?.provider, 'gemini');
    assert.equal(first?.account, '01A2B3-C4D5E6-F7A8B9');
    assert.equal(first?.project, 'acme-search-prod');
    assert.equal(first?.periodStart, Date.UTC(2026, 2, 10, 14));
    assert.equal(first?.periodEnd, Date.UTC(2026, 2, 10, 15));
    assert.deepEqual(first?.tags, { team: 'search', feature: 'churn-insights' });
    assert.equal(lines[7]?.tags, undefined);
  });

  it('nets credits into the cost and skips rows that are not Gemini', async () => {
    const path = join(directory, 'credits.csv');
    const credited = (rows[0] ?? '').replace(
      ',[],202603,',
      ',"[{""name"":""FreeTrial"",""amount"":-0.1,""type"":""FREE_TIER""},{""name"":""Promo"",""amount"":-0.04032}]",202603,',
    );
    const compute = (rows[1] ?? '')
      .replace(
        'Vertex AI,4D6B-8E21-A0F3,Gemini 2.5 Flash GA Input Text Caching',
        'Compute Engine,CP-1,N2 Instance Core',
      )
      .replace('C7E2-9256-1C43', '6F81-5844-456A');
    writeFileSync(path, `${header}\n${credited}\n${compute}\n`);
    const { lines, rowsRead, rowsSkipped } = await importBillFile(path, 'gcp-billing', options);
    assert.equal(rowsRead, 2);
    assert.equal(rowsSkipped, 1);
    // 0.34032 + (−0.1) + (−0.04032) = 0.2
    assert.equal(lines[0]?.cost, 0.2);
  });

  it('refuses credits that are not a JSON array, naming line and column', async () => {
    const path = join(directory, 'bad-credits.csv');
    writeFileSync(
      path,
      `${header}\n${rows[0] ?? ''}\n${(rows[1] ?? '').replace(',[],202603,', ',{oops,202603,')}\n`,
    );
    await assert.rejects(importBillFile(path, 'gcp-billing', options), {
      name: 'BillFileError',
      message: `${path} line 3, column credits: is not valid JSON`,
    });
  });
});
