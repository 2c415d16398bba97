import { ConfigError } from '../../domain/errors/index.ts';

export interface ClickHouseLocation {
  /** The HTTP interface, e.g. http://127.0.0.1:8123. */
  origin: string;
  database: string;
  /**
   * A cluster of the server's remote_servers (`?cluster=NAME`): the schema is created ON CLUSTER
   * with replicated tables (docs/deployment.md). Absent: plain tables on one server.
   */
  cluster?: string;
}

/** Names spliced into DDL: the database, and the cluster. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads `clickhouse://HOST:PORT/DB[?cluster=NAME]` (store.url); the HTTP interface is what it names. */
export function parseClickHouseUrl(url: string): ClickHouseLocation {
  const fix =
    'set store.url to clickhouse://HOST:PORT/DB, PORT being the HTTP port (often 8123), with ?cluster=NAME for a replicated cluster';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('store.url is not a valid clickhouse:// URL', fix);
  }
  const database = decodeURIComponent(parsed.pathname.slice(1));
  if (parsed.protocol !== 'clickhouse:' || parsed.hostname === '' || parsed.port === '') {
    throw new ConfigError('store.url must name the ClickHouse host and HTTP port', fix);
  }
  if (!NAME.test(database)) {
    throw new ConfigError(
      'store.url must end with a database name (letters, digits, _; not starting with a digit)',
      fix,
    );
  }
  const location = { origin: `http://${parsed.hostname}:${parsed.port}`, database };
  const cluster = readCluster(parsed.searchParams, fix);
  return cluster === undefined ? location : { ...location, cluster };
}

function readCluster(parameters: URLSearchParams, fix: string): string | undefined {
  // An unknown or misspelt parameter would otherwise leave a cluster unreplicated without a word.
  const unknown = [...new Set(parameters.keys())].filter((key) => key !== 'cluster');
  if (unknown.length > 0) {
    throw new ConfigError(
      `store.url has an unknown parameter ${unknown.map((key) => `"${key}"`).join(', ')}: clickhouse:// takes only ?cluster=NAME`,
      fix,
    );
  }
  const values = parameters.getAll('cluster');
  if (values.length === 0) return undefined;
  const [cluster] = values;
  if (values.length > 1 || cluster === undefined || !NAME.test(cluster)) {
    throw new ConfigError(
      "store.url's ?cluster= must be one cluster name of the server's remote_servers (letters, digits, _; not starting with a digit)",
      fix,
    );
  }
  return cluster;
}
