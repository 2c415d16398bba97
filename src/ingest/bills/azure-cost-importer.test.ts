import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BilledClass } from '../../domain/billing-line.ts';
import { toStoredPrecision } from '../../domain/money.ts';
import { DuckDbTabularReader } from '../../store/duckdb/duckdb-tabular-reader.ts';
import { importBillFile } from './import-bill-file.ts';

/** An EA "cost and usage details (actual)" export written from reference §5.2. */
const AZURE = fileURLToPath(new URL('__fixtures__/azure-cost-openai.csv', import.meta.url));
const reader = new DuckDbTabularReader();
const directory = mkdtempSync(join(tmpdir(), 'tokenops-azure-'));
after(() => {
  reader.close();
  rmSync(directory, { recursive: true, force: true });
});
const options = { reader, readText: (path: string) => readFile(path, 'utf8') };

describe('azureCostImporter', () => {
  it('imports Azure OpenAI meters with tokens from the unit of measure', async () => {
    const { lines, rowsRead, rowsSkipped } = await importBillFile(AZURE, 'azure-cost', options);
    // 9 rows: 7 Azure OpenAI, 1 Speech (Cognitive Services, not OpenAI), 1 Storage.
    assert.equal(rowsRead, 9);
    assert.equal(rowsSkipped, 2);
    // 3.801 + 2.56 + 3.1025 + 0.968 + 0.60742 + 6.875 + 0.5 = 18.41392
    const total = lines.reduce((sum, line) => sum + (line.cost ?? 0), 0);
    assert.equal(toStoredPrecision(total), 18.41392);
    const tokens: Partial<Record<BilledClass, number>> = {};
    for (const line of lines) {
      tokens[line.billedClass] = (tokens[line.billedClass] ?? 0) + (line.quantity ?? 0);
    }
    assert.deepEqual(tokens, {
      // 1520.4 K + 800 K + 2.75 M + 10000 K = 1,520,400 + 800,000 + 2,750,000 + 10,000,000
      input: 15_070_400,
      // 2048 K
      cache_read: 2_048_000,
      // 310.25 K + 125.5 K
      output: 435_750,
    });
    assert.deepEqual(
      lines.map((line) => [line.model, line.billedClass, line.serviceTier]),
      [
        ['gpt-4o-1120', 'input', 'standard'],
        ['gpt-4o-1120', 'cache_read', 'standard'],
        ['gpt-4o-1120', 'output', 'standard'],
        ['o4-mini-0416', 'input', 'standard'],
        ['o4-mini-0416', 'output', 'standard'],
        ['gpt-5.4', 'input', 'standard'],
        ['gpt-4.1-nano', 'input', 'batch'],
      ],
    );
    const [first] = lines;
    assert.equal(first?.provider, 'azure');
    assert.equal(first?.account, '84210913');
    assert.equal(first?.project, '6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f');
    assert.equal(first?.periodStart, Date.UTC(2026, 2, 9));
    assert.equal(first?.periodEnd, Date.UTC(2026, 2, 10));
    assert.equal(first?.currency, 'USD');
    // EA writes Tags without the outer braces.
    assert.deepEqual(first?.tags, { team: 'search', feature: 'answer', environment: 'prod' });
  });

  it('reads an MCA export: camelCase headers, ISO dates, braced tags, CostInUsd only', async () => {
    const path = join(directory, 'mca.csv');
    writeFileSync(
      path,
      [
        'billingAccountId,subscriptionId,resourceGroupName,date,meterCategory,meterSubCategory,meterId,meterName,unitOfMeasure,quantity,costInUsd,resourceId,tags,chargeType',
        'acct-77,sub-1,rg-ai,2026-03-09,Cognitive Services,Azure OpenAI,m-1,gpt-4o-mini-0718-Outp-regnl Tokens,1K,50,0.033,/subscriptions/sub-1/x,"{""team"":""growth""}",Usage',
        'acct-77,sub-1,rg-ai,2026-03-09,Cognitive Services,Azure OpenAI,m-2,Provisioned Managed Global Unit,1 Hour,24,0,/subscriptions/sub-1/x,,Usage',
      ].join('\n'),
    );
    const { lines } = await importBillFile(path, 'azure-cost', options);
    assert.deepEqual(
      lines.map((line) => [line.model, line.billedClass, line.quantity, line.cost, line.currency]),
      [
        ['gpt-4o-mini-0718', 'output', 50_000, 0.033, 'USD'],
        [undefined, 'other', undefined, 0, 'USD'],
      ],
    );
    assert.deepEqual(lines[0]?.tags, { team: 'growth' });
  });

  it('refuses a quantity that is not a number, naming line and column', async () => {
    const path = join(directory, 'bad.csv');
    writeFileSync(
      path,
      'SubscriptionId,Date,MeterCategory,MeterSubCategory,MeterName,UnitOfMeasure,Quantity,CostInBillingCurrency\n' +
        's,03/09/2026,Cognitive Services,Azure OpenAI,gpt 4o Inp glbl Tokens,1K,1.5.2,0.1\n',
    );
    await assert.rejects(importBillFile(path, 'azure-cost', options), {
      message: `${path} line 2, column Quantity: "1.5.2" is not a number`,
    });
  });
});
