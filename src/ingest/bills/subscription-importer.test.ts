import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DuckDbTabularReader } from '../../store/duckdb/duckdb-tabular-reader.ts';
import { importBillFile } from './import-bill-file.ts';

const SUBSCRIPTIONS = fileURLToPath(new URL('__fixtures__/subscriptions.csv', import.meta.url));
const reader = new DuckDbTabularReader();
const directory = mkdtempSync(join(tmpdir(), 'tokenops-subscription-'));
after(() => {
  reader.close();
  rmSync(directory, { recursive: true, force: true });
});
const options = { reader, readText: (path: string) => readFile(path, 'utf8') };

describe('subscriptionImporter', () => {
  it('makes a seat line per row and an overage line when there is one', async () => {
    const { lines, rowsRead } = await importBillFile(SUBSCRIPTIONS, 'subscription', options);
    assert.equal(rowsRead, 4);
    assert.deepEqual(
      lines.map((line) => [
        line.provider,
        line.billedClass,
        line.quantity,
        line.cost,
        line.tags?.team,
      ]),
      [
        ['cursor', 'seat', 25, 1000, 'platform'], // 25 × 40
        ['cursor', 'seat', 12, 480, 'search'], // 12 × 40
        ['cursor', 'other', undefined, 86.4, 'search'],
        ['github-copilot', 'seat', 60, 1140, undefined], // 60 × 19
        ['chatgpt-enterprise', 'seat', 40, 2400, 'support'], // 40 × 60
        ['chatgpt-enterprise', 'other', undefined, 125.5, 'support'],
      ],
    );
    // 1000 + 480 + 86.4 + 1140 + 2400 + 125.5 = 5231.9
    assert.equal(
      lines.reduce((sum, line) => sum + (line.cost ?? 0), 0),
      5231.9,
    );
    assert.ok(lines.every((line) => line.role === 'invoice' && line.currency === 'USD'));
    assert.equal(lines[0]?.periodStart, Date.UTC(2026, 2, 1));
    assert.equal(lines[0]?.periodEnd, Date.UTC(2026, 3, 1));
  });

  it('prices seats without binary noise and refuses a period that is not a month', async () => {
    const good = join(directory, 'good.csv');
    writeFileSync(
      good,
      'tool,period,seats,seat_price,overage_cost,currency,team\nCopilot,2026-12,25,19.99,,USD,\n',
    );
    const { lines } = await importBillFile(good, 'subscription', options);
    // 25 × 19.99 = 499.75 (in binary floating point 499.74999999999994)
    assert.equal(lines[0]?.cost, 499.75);
    assert.equal(lines[0]?.periodEnd, Date.UTC(2027, 0, 1));
    const bad = join(directory, 'bad.csv');
    writeFileSync(
      bad,
      'tool,period,seats,seat_price,overage_cost,currency,team\nCopilot,2026-13,25,19,0,USD,\n',
    );
    await assert.rejects(importBillFile(bad, 'subscription', options), {
      message: `${bad} line 2, column period: is not a month as YYYY-MM`,
    });
  });
});
