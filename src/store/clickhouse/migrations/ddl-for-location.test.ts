import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLICKHOUSE_MIGRATIONS } from './clickhouse-migrations.ts';
import { ddlForLocation } from './ddl-for-location.ts';

const single = { origin: 'http://127.0.0.1:8123', database: 'tokenops' };
const cluster = { ...single, cluster: 'finops' };
const statements = CLICKHOUSE_MIGRATIONS.flatMap((migration) => migration.statements);

describe('ddlForLocation', () => {
  it('leaves every statement as written on one server', () => {
    for (const statement of statements) assert.equal(ddlForLocation(statement, single), statement);
  });

  it('gives every migration statement a replicated ON CLUSTER form', () => {
    for (const statement of statements) {
      const replicated = ddlForLocation(statement, cluster);
      const table = /^CREATE TABLE IF NOT EXISTS (\w+) \(/.exec(statement)?.[1];
      assert.ok(
        replicated.startsWith(`CREATE TABLE IF NOT EXISTS tokenops.${table} ON CLUSTER finops (`),
      );
      assert.match(
        replicated,
        new RegExp(
          `ENGINE = Replicated\\w*MergeTree\\('/clickhouse/tables/\\{shard\\}/tokenops/${table}', '\\{replica\\}'`,
        ),
      );
      // Columns, partitioning and sort key are the migration's own.
      assert.equal(
        replicated.replace(/^[^(]*\(/, '').replace(/ENGINE = [^\n]*MergeTree\([^)]*\)/, ''),
        statement.replace(/^[^(]*\(/, '').replace(/ENGINE = \w*MergeTree(\(\w+\))?/, ''),
      );
    }
  });

  it('keeps the engine arguments after the replication ones', () => {
    const revenue = statements.find((statement) => statement.includes(' revenue ('))!;
    assert.match(
      ddlForLocation(revenue, cluster),
      /ENGINE = ReplicatedReplacingMergeTree\('\/clickhouse\/tables\/\{shard\}\/tokenops\/revenue', '\{replica\}', version\)\n {2}ORDER BY \(feature, period\)$/,
    );
    assert.match(
      ddlForLocation(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32) ENGINE = MergeTree ORDER BY version',
        cluster,
      ),
      /ENGINE = ReplicatedMergeTree\('\/clickhouse\/tables\/\{shard\}\/tokenops\/schema_migrations', '\{replica\}'\) ORDER BY version$/,
    );
  });

  it('creates the database on every node', () => {
    assert.equal(
      ddlForLocation('CREATE DATABASE IF NOT EXISTS tokenops', cluster),
      'CREATE DATABASE IF NOT EXISTS tokenops ON CLUSTER finops',
    );
  });

  it('refuses a statement it has no replicated form for', () => {
    assert.throws(
      () => ddlForLocation('ALTER TABLE events ADD COLUMN x String', cluster),
      /no replicated form/,
    );
  });
});
