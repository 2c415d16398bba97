import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BillFormat } from '../../../src/domain/billing-line.ts';
import { BillFileError } from '../../../src/domain/errors/index.ts';
import { importBillFile, type ImportedBill } from '../../../src/ingest/index.ts';
import { DuckDbTabularReader } from '../../../src/store/duckdb/duckdb-tabular-reader.ts';
import { tempDirectory } from '../../helpers/temp-directory.ts';
import { SeededFuzz, fuzzCase } from '../seeded-fuzz.ts';
import { corruptCsv } from './corrupt-csv.ts';

const FIXTURES = new URL('../../../src/ingest/bills/__fixtures__/', import.meta.url);
const TABULAR: readonly [string, BillFormat][] = [
  ['aws-cur2-bedrock.csv', 'aws-cur'],
  ['azure-cost-openai.csv', 'azure-cost'],
  ['gcp-billing-vertex.csv', 'gcp-billing'],
  ['subscriptions.csv', 'subscription'],
  ['focus-example.csv', 'focus'],
];

const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('bill imports from corrupt CSV and Parquet', () => {
  const directory = tempDirectory('trust-bills');
  const fuzz = new SeededFuzz(4);
  const reader = new DuckDbTabularReader();
  const curParquet = join(directory, 'cur.parquet');
  const focusParquet = join(directory, 'focus.parquet');
  let written = 0;

  const write = (name: string, content: string | Buffer): string => {
    const path = join(directory, `${written++}-${name}`);
    writeFileSync(path, content);
    return path;
  };
  /** The import, or its refusal as `message | fix`; any other error fails the test. */
  const attempt = async (path: string, format: BillFormat): Promise<ImportedBill | string> => {
    try {
      return await importBillFile(path, format, { reader, readText: (at) => readFile(at, 'utf8') });
    } catch (error) {
      assert.ok(error instanceof BillFileError, `not a clear refusal: ${String(error)}`);
      return `${error.message} | ${error.fix}`;
    }
  };
  /** A refusal is one line naming the file; an import holds only plausible numbers. */
  const assertSound = (label: string, path: string, result: ImportedBill | string) => {
    if (typeof result === 'string') {
      assert.ok(result.startsWith(path), `${label}: names the file: ${result}`);
      assert.doesNotMatch(result, /\n/, `${label}: one line`);
      return;
    }
    for (const line of result.lines) {
      for (const value of [line.cost, line.quantity]) {
        if (value === undefined) continue;
        assert.ok(Number.isFinite(value) && Math.abs(value) < 1e15, `${label}: ${value}`);
      }
      assert.ok(line.periodStart <= line.periodEnd, `${label}: period in order`);
    }
  };

  before(async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const [name, target] of [
      ['aws-cur2-bedrock.csv', curParquet],
      ['focus-example.csv', focusParquet],
    ] as const) {
      const source = new URL(name, FIXTURES).pathname;
      await connection.run(
        `COPY (SELECT * FROM read_csv('${source}', all_varchar = true)) TO '${target}' (FORMAT parquet)`,
      );
    }
    connection.closeSync();
    instance.closeSync();
  });
  after(() => reader.close());

  it('refuses the usual damage with the line, the column and the fix', async () => {
    const cur = fixture('aws-cur2-bedrock.csv');
    const [header = '', first = ''] = cur.split('\n');
    // Values of the first row (line 2) that appear nowhere before it in the file.
    const changed = (from: string, to: string) => cur.replace(from, to);
    const cases: [string, string, BillFormat, RegExp][] = [
      ['an empty file', '', 'aws-cur', /line 1: the file is empty or has no header row/],
      [
        'the wrong export',
        cur,
        'gcp-billing',
        /column billing_account_id is missing \| it looks like an AWS CUR 2\.0 export: import it as format aws-cur/,
      ],
      [
        'a word for a cost',
        changed('0.003,5.52693,', '0.003,abc,'),
        'aws-cur',
        /line 2, column line_item_unblended_cost: "abc" is not a number/,
      ],
      [
        'an absurd amount',
        changed(',1842.310,', ',1e30,'),
        'aws-cur',
        /line 2, column line_item_usage_amount: "1e30" is out of range/,
      ],
      [
        'an unclosed quote',
        changed(',InvokeModelInference,', ',"InvokeModelInference,'),
        'aws-cur',
        /line \d+/,
      ],
      ['a row too long', `${header}\n${first},extra\n`, 'aws-cur', /line 2/],
      [
        'a bad date',
        changed('Usage,2026-03-09T00', 'Usage,2026-13-45T00'),
        'aws-cur',
        /line 2, column line_item_usage_start_date: "2026-13-45T00:00:00\.000Z" is not a date/,
      ],
      [
        'a period that ends before it starts',
        changed('Usage,2026-03-09T00', 'Usage,2026-03-19T00'),
        'aws-cur',
        /line 2: the period ends before it starts/,
      ],
    ];
    for (const [name, content, format, pattern] of cases) {
      const path = write('case.csv', content);
      const result = await attempt(path, format);
      assert.equal(typeof result, 'string', `${name} is refused`);
      assert.match(typeof result === 'string' ? result : '(imported)', pattern, name);
      assertSound(name, path, result);
    }
  });

  it('reads a byte order mark and CRLF line ends as the same file', async () => {
    for (const [name, format] of TABULAR) {
      const text = fixture(name);
      const plain = await attempt(write(name, text), format);
      const dressed = await attempt(write(name, `\uFEFF${text.replaceAll('\n', '\r\n')}`), format);
      assert.deepEqual(dressed, plain, name);
    }
  });

  it('answers seeded corruptions of every CSV export with an import or a clear refusal', async () => {
    for (let round = 0; round < 40; round += 1) {
      for (const [name, format] of TABULAR) {
        const label = fuzzCase(`${name} (${format})`, round);
        const path = write(name, corruptCsv(fuzz, fixture(name)));
        assertSound(label, path, await attempt(path, format));
      }
    }
  });

  it('refuses truncated, bit-flipped, random and wrongly shaped Parquet clearly', async () => {
    const valid = readFileSync(curParquet);
    const imported = await attempt(curParquet, 'aws-cur');
    assert.equal(typeof imported === 'string' ? imported : imported.lines.length, 12);
    const wrong = await attempt(focusParquet, 'aws-cur');
    assert.match(
      typeof wrong === 'string' ? wrong : '(imported)',
      /column bill_payer_account_id is missing \| it looks like a FOCUS/,
    );
    for (let round = 0; round < 60; round += 1) {
      const label = fuzzCase('parquet', round);
      const body = fuzz.pick([
        () => fuzz.truncate(valid),
        () => fuzz.flipBits(valid, 1 + fuzz.below(4)),
        () => fuzz.bytes(4_000),
      ])();
      const path = write('export.parquet', body);
      assertSound(label, path, await attempt(path, 'aws-cur'));
    }
  });
});
