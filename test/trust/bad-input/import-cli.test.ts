import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCli } from '../../helpers/run-cli.ts';
import { tempDirectory } from '../../helpers/temp-directory.ts';
import { snapshotStore, type StoreSnapshot } from '../store-snapshot.ts';

const FIXTURES = new URL('../../../src/ingest/bills/__fixtures__/', import.meta.url);

describe('tokenops import of a corrupt export', () => {
  const cwd = tempDirectory('trust-import');
  const database = join(cwd, '.tokenops', 'tokenops.duckdb');
  let imported: StoreSnapshot;

  const refused = async (args: string[], pattern: RegExp) => {
    const result = runCli(['import', ...args], cwd);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^tokenops: [^\n]+\. Fix: [^\n]+\n$/, 'one line, with the fix');
    assert.match(result.stderr, pattern);
    assert.deepEqual(await snapshotStore(database), imported, 'nothing stored changed');
  };

  before(async () => {
    const cur = readFileSync(new URL('aws-cur2-bedrock.csv', FIXTURES), 'utf8');
    copyFileSync(new URL('aws-cur2-bedrock.csv', FIXTURES), join(cwd, 'cur.csv'));
    // The last row goes bad: all or nothing, so its good rows must not be stored either.
    const rows = cur.trimEnd().split('\n');
    rows.push((rows.at(-1) ?? '').replace(/,[\d.]+,USD,/, ',x,USD,'));
    writeFileSync(join(cwd, 'bad-last-row.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(cwd, 'empty.csv'), '');
    writeFileSync(
      join(cwd, 'seats.csv'),
      'tool,period,seats,seat_price,overage_cost,currency,team\nCursor,2026-03,50000,40,0,USD,all\n',
    );
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const parquet = join(cwd, 'cur.parquet');
    await connection.run(
      `COPY (SELECT * FROM read_csv('${join(cwd, 'cur.csv')}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const bytes = readFileSync(parquet);
    writeFileSync(join(cwd, 'cut.parquet'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    assert.equal(runCli(['import', 'cur.csv', '--format', 'aws-cur'], cwd).status, 0);
    imported = await snapshotStore(database);
    assert.equal(imported.billingLines, 12);
  });

  it('refuses a CSV whose last row is bad, keeping none of its good rows', async () => {
    await refused(
      ['bad-last-row.csv', '--format', 'aws-cur'],
      /bad-last-row\.csv line 14, column line_item_usage_amount: "x" is not a number/,
    );
  });

  it('refuses a truncated Parquet file, an empty file and a missing one', async () => {
    await refused(
      ['cut.parquet', '--format', 'aws-cur'],
      /cut\.parquet: .*(magic|footer|corrupt)/i,
    );
    await refused(['empty.csv', '--format', 'aws-cur'], /empty\.csv line 1: the file is empty/);
    await refused(['nowhere.csv', '--format', 'aws-cur'], /nowhere\.csv: no such file/);
  });

  it('refuses seats whose monthly cost one usage event cannot hold', async () => {
    await refused(
      ['seats.csv', '--format', 'subscription'],
      /seats\.csv line 2, column seat_price: makes one line cost 1000000 or more/,
    );
  });
});
