import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { FOCUS_COLUMNS } from '../../src/analytics/index.ts';
import type { ReportRow } from '../../src/store/report-spec.ts';
import { runCli, runCliJson } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('tokenops export focus', () => {
  const cwd = tempDirectory('focus');
  let reportCost = 0;

  before(() => {
    runCliJson(
      // The demo month: every day of March 2026.
      ['demo', '--days', '31', '--events-per-day', '300', '--seed', '11', '--end', '2026-03-31'],
      cwd,
    );
    reportCost = runCliJson<ReportRow[]>(
      ['report', '--from', '2026-03-01', '--to', '2026-03-31'],
      cwd,
    )[0]!.cost;
  });

  it('writes a CSV whose billed cost sums to the report total of the month', async () => {
    const summary = runCliJson<
      [{ rows: number; billed_cost: number; unpriced_events_left_out: number }]
    >(
      ['export', 'focus', '--from', '2026-03-01', '--to', '2026-03-31', '--out', 'march.csv'],
      cwd,
    )[0];
    const file = join(cwd, 'march.csv');
    assert.deepEqual(
      readFileSync(file, 'utf8').split('\n')[0]?.split(','),
      FOCUS_COLUMNS.map((column) => column.name),
    );
    const [sums] = await query(
      `SELECT count(*) AS rows, sum(CAST(BilledCost AS DECIMAL(38,12)))::DOUBLE AS billed, sum(CAST(ConsumedQuantity AS DECIMAL(38,12)))::DOUBLE AS tokens FROM read_csv('${file}', all_varchar = true)`,
    );
    assert.equal(Number(sums?.rows), summary.rows);
    assert.ok(
      Math.abs(Number(sums?.billed) - reportCost) < 1e-6,
      `${String(sums?.billed)} vs ${reportCost}`,
    );
    assert.ok(
      summary.unpriced_events_left_out > 0,
      'the demo has unpriced calls, left out of FOCUS',
    );
    assert.ok(existsSync(join(cwd, 'march.metadata.json')));
    const metadata = JSON.parse(readFileSync(join(cwd, 'march.metadata.json'), 'utf8')) as {
      Schema: { FocusVersion: string };
    };
    assert.equal(metadata.Schema.FocusVersion, '1.3');
  });

  it('writes the same rows as Parquet with decimal costs and UTC timestamps', async () => {
    runCliJson(
      ['export', 'focus', '--from', '2026-03-01', '--to', '2026-03-31', '--out', 'march.parquet'],
      cwd,
    );
    const file = join(cwd, 'march.parquet');
    const [sums] = await query(
      `SELECT sum(BilledCost)::DOUBLE AS billed, typeof(any_value(BilledCost)) AS money, typeof(any_value(ChargePeriodStart)) AS time FROM '${file}'`,
    );
    assert.ok(Math.abs(Number(sums?.billed) - reportCost) < 1e-6);
    assert.equal(sums?.money, 'DECIMAL(38,12)');
    assert.equal(sums?.time, 'TIMESTAMP WITH TIME ZONE');
  });

  it('refuses an output name that is neither .csv nor .parquet', () => {
    const result = runCli(
      ['export', 'focus', '--from', '2026-03-01', '--to', '2026-03-31', '--out', 'march.xlsx'],
      cwd,
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /march\.xlsx.*Fix: name the file FILE\.csv or FILE\.parquet/);
  });
});
