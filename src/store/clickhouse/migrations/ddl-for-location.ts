import type { ClickHouseLocation } from '../clickhouse-url.ts';

const CREATE_DATABASE = /^CREATE DATABASE IF NOT EXISTS (\w+)$/;
const CREATE_TABLE = /^CREATE TABLE IF NOT EXISTS (\w+) \(/;
/** A MergeTree-family engine and its own arguments, e.g. `ReplacingMergeTree(version)`. */
const ENGINE = /\bENGINE = (\w*MergeTree)\b(?:\(([^()]*)\))?/;

/**
 * A CREATE statement as `location` runs it. On one server it is left as written. With a
 * cluster it runs ON CLUSTER (every node creates it; ClickHouse waits for them all) and a
 * table's engine becomes its Replicated form, keyed in ZooKeeper by shard macro, database and
 * table, each node a replica by its replica macro. The migrations stay the one place a table
 * is written down; 18.16 has no {database}/{table} macros, so the path spells them out.
 */
export function ddlForLocation(statement: string, location: ClickHouseLocation): string {
  const { cluster, database } = location;
  if (cluster === undefined) return statement;
  if (CREATE_DATABASE.test(statement)) return `${statement} ON CLUSTER ${cluster}`;
  const table = CREATE_TABLE.exec(statement)?.[1];
  const engine = ENGINE.exec(statement);
  if (table === undefined || engine === null) {
    throw new Error(
      `no replicated form for the ClickHouse statement "${statement.slice(0, 60)}…": write it as CREATE TABLE IF NOT EXISTS NAME (…) ENGINE = …MergeTree, or extend ddlForLocation`,
    );
  }
  const [written, family, argumentsText] = engine;
  const replication = [`'/clickhouse/tables/{shard}/${database}/${table}'`, `'{replica}'`];
  const engineArguments = [...replication, ...(argumentsText ? [argumentsText] : [])];
  // Qualified, so no node relies on how the caller's current database travels with the DDL.
  return statement
    .replace(
      CREATE_TABLE,
      `CREATE TABLE IF NOT EXISTS ${database}.${table} ON CLUSTER ${cluster} (`,
    )
    .replace(written, `ENGINE = Replicated${family}(${engineArguments.join(', ')})`);
}
