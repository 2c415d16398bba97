import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BilledClass } from '../../domain/billing-line.ts';
import { BillFileError } from '../../domain/errors/index.ts';
import { toStoredPrecision } from '../../domain/money.ts';
import { DuckDbTabularReader } from '../../store/duckdb/duckdb-tabular-reader.ts';
import { importBillFile } from './import-bill-file.ts';

const CUR = fileURLToPath(new URL('__fixtures__/aws-cur2-bedrock.csv', import.meta.url));
const reader = new DuckDbTabularReader();
const directory = mkdtempSync(join(tmpdir(), 'tokenops-cur-'));
after(() => {
  reader.close();
  rmSync(directory, { recursive: true, force: true });
});
const options = { reader, readText: (path: string) => readFile(path, 'utf8') };
const [header = '', ...rows] = readFileSync(CUR, 'utf8').trimEnd().split('\n');

/** The fixture with its rows changed, written to the temp directory. */
function variant(name: string, change: (rows: string[]) => string[]): string {
  const path = join(directory, name);
  writeFileSync(path, `${[header, ...change([...rows])].join('\n')}\n`);
  return path;
}

async function refusal(
  path: string,
  format: 'aws-cur' | 'gcp-billing' = 'aws-cur',
): Promise<string> {
  try {
    await importBillFile(path, format, options);
  } catch (error) {
    assert.ok(error instanceof BillFileError);
    return `${error.message} | ${error.fix}`;
  }
  return assert.fail('the file was imported');
}

describe('awsCurImporter', () => {
  it('imports the Bedrock token rows with tokens = amount × 1000 and the net cost', async () => {
    const { lines, rowsRead, rowsSkipped } = await importBillFile(CUR, 'aws-cur', options);
    assert.equal(rowsRead, 12);
    assert.equal(rowsSkipped, 0);
    // 5.52693 + 6.1932 + 6.144 + 2.40192 + 2.73612 + 3.01025 + 6.6345015 + 7.510965 + 7.299072
    // + 2.895762375 + 2.61087 + 2.87575 = 55.839340875
    const total = lines.reduce((sum, line) => sum + (line.cost ?? 0), 0);
    assert.equal(toStoredPrecision(total), 55.839340875);
    const tokens: Partial<Record<BilledClass, number>> = {};
    for (const line of lines) {
      tokens[line.billedClass] = (tokens[line.billedClass] ?? 0) + (line.quantity ?? 0);
    }
    assert.deepEqual(tokens, {
      // (1842.310 + 9120.400 + 2010.455 + 8702.900) thousand
      input: 21_676_065,
      // (412.880 + 1204.100 + 455.210 + 1150.300) thousand
      output: 3_222_490,
      // (20480.000 + 22118.400) thousand
      cache_read: 42_598_400,
      // (640.512 + 702.003) thousand
      cache_write_5m: 1_342_515,
    });
    const [first] = lines;
    assert.deepEqual(
      { ...first, id: undefined },
      {
        id: undefined,
        format: 'aws-cur',
        role: 'invoice',
        provider: 'bedrock',
        account: '111122223333',
        project: '444455556666',
        model: 'Claude Sonnet 4.5',
        billedClass: 'input',
        serviceTier: 'standard',
        periodStart: Date.UTC(2026, 2, 9),
        periodEnd: Date.UTC(2026, 2, 10),
        quantity: 1_842_310,
        cost: 5.52693,
        currency: 'USD',
        description: 'USE1-Claude4.5Sonnet-input-tokens-cross-region-global',
        tags: { team: 'search', feature: 'answer' },
      },
    );
    assert.deepEqual(lines[6]?.tags, {
      'aws/iam_principal': 'arn:aws:iam::444455556666:role/support-bot-runtime',
    });
  });

  it('reads .csv.gz and Parquet to exactly the same lines as the CSV', async () => {
    const gzipped = join(directory, 'cur.csv.gz');
    writeFileSync(gzipped, gzipSync(readFileSync(CUR)));
    const parquet = join(directory, 'cur.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // Types detected by DuckDB and the map columns as real MAPs, as a real export has them.
    const source = `SELECT * REPLACE (
        CAST(product::JSON AS MAP(VARCHAR, VARCHAR)) AS product,
        CAST(resource_tags::JSON AS MAP(VARCHAR, VARCHAR)) AS resource_tags)
      FROM read_csv($1)`;
    await connection.run(`COPY (${source}) TO '${parquet}' (FORMAT parquet)`, [CUR]);
    connection.closeSync();
    const csv = await importBillFile(CUR, 'aws-cur', options);
    assert.deepEqual(csv.lines[0]?.tags, { team: 'search', feature: 'answer' });
    assert.deepEqual((await importBillFile(gzipped, 'aws-cur', options)).lines, csv.lines);
    assert.deepEqual((await importBillFile(parquet, 'aws-cur', options)).lines, csv.lines);
  });

  it('gives the same ids twice, and keeps them when a re-export corrects the numbers', async () => {
    const first = await importBillFile(CUR, 'aws-cur', options);
    const again = await importBillFile(CUR, 'aws-cur', options);
    assert.deepEqual(
      again.lines.map((line) => line.id),
      first.lines.map((line) => line.id),
    );
    const corrected = variant('corrected.csv', (lines) => [
      // A refreshed report: new line item id, corrected amount and cost.
      (lines[0] ?? '')
        .replace('q3vzk7d2xw5mfl4ahg6cnu2rpe7ty1ob', 'zz9refreshedlineitemid0000000000')
        .replace(',1842.310,', ',1900.000,')
        .replace(/,5\.52693(?=,)/g, ',5.7'),
      ...lines.slice(1),
    ]);
    const { lines } = await importBillFile(corrected, 'aws-cur', options);
    assert.equal(lines[0]?.id, first.lines[0]?.id);
    assert.equal(lines[0]?.quantity, 1_900_000);
    assert.equal(lines[0]?.cost, 5.7);
  });

  it('skips other services and keeps Bedrock tax and credits as other lines', async () => {
    const path = variant('mixed.csv', (lines) => {
      const [row = ''] = lines;
      return [
        row,
        row
          .replace('q3vzk7d2', 'ec2aaaaa')
          .replace(
            ',AmazonBedrock,USE1-Claude4.5Sonnet-input-tokens-cross-region-global,',
            ',AmazonEC2,USE1-BoxUsage:m7g.large,',
          )
          .replace(',AmazonBedrock,us-east-1,', ',AmazonEC2,us-east-1,'),
        row
          .replace('q3vzk7d2', 'taxaaaaa')
          .replace(',Usage,', ',Tax,')
          .replace(/,5\.52693(?=,)/g, ',0.44'),
        row
          .replace('q3vzk7d2', 'credaaaa')
          .replace(',Usage,', ',Credit,')
          .replace(/,5\.52693(?=,)/g, ',-1.5'),
      ];
    });
    const { lines, rowsRead, rowsSkipped } = await importBillFile(path, 'aws-cur', options);
    assert.equal(rowsRead, 4);
    assert.equal(rowsSkipped, 1);
    assert.deepEqual(
      lines.map((line) => [line.billedClass, line.quantity, line.cost, line.description]),
      [
        ['input', 1_842_310, 5.52693, 'USE1-Claude4.5Sonnet-input-tokens-cross-region-global'],
        ['other', undefined, 0.44, 'Tax: USE1-Claude4.5Sonnet-input-tokens-cross-region-global'],
        ['other', undefined, -1.5, 'Credit: USE1-Claude4.5Sonnet-input-tokens-cross-region-global'],
      ],
    );
  });

  it('refuses a cost that is not a number, naming the line and column', async () => {
    const path = variant('abc.csv', (lines) => {
      lines[5] = (lines[5] ?? '').replace(',3.01025,3.01025,', ',abc,3.01025,');
      return lines;
    });
    assert.match(
      await refusal(path),
      /abc\.csv line 7, column line_item_unblended_cost: "abc" is not a number \| correct the value/,
    );
  });

  it('refuses a truncated row, naming its line', async () => {
    const path = variant('truncated.csv', (lines) => {
      lines[8] = (lines[8] ?? '').slice(0, 200);
      return lines;
    });
    assert.match(await refusal(path), /truncated\.csv line 10: /);
  });

  it('refuses a file without a column the format needs, naming it', async () => {
    const path = join(directory, 'no-usage-type.csv');
    const columns = header.split(',');
    const drop = columns.indexOf('line_item_usage_type');
    writeFileSync(
      path,
      `${columns.filter((_, index) => index !== drop).join(',')}\n${'x,'.repeat(columns.length - 2)}x\n`,
    );
    assert.match(
      await refusal(path),
      /no-usage-type\.csv: this is not an AWS CUR 2\.0 export: column line_item_usage_type is missing/,
    );
  });

  it('refuses a CUR given as a GCP billing export, saying what it is', async () => {
    assert.match(
      await refusal(CUR, 'gcp-billing'),
      /: this is not a GCP billing export .*: column billing_account_id is missing \| it looks like an AWS CUR 2\.0 export: import it as format aws-cur/,
    );
  });
});
