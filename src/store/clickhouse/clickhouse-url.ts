import { ConfigError } from '../../domain/errors/index.ts';

export interface ClickHouseLocation {
  /** The HTTP interface, e.g. http://127.0.0.1:8123. */
  origin: string;
  database: string;
}

const DATABASE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads `clickhouse://HOST:PORT/DB` (store.url); the HTTP interface is what it names. */
export function parseClickHouseUrl(url: string): ClickHouseLocation {
  const fix = 'set store.url to clickhouse://HOST:PORT/DB, PORT being the HTTP port (often 8123)';
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
  if (!DATABASE.test(database)) {
    throw new ConfigError(
      'store.url must end with a database name (letters, digits, _; not starting with a digit)',
      fix,
    );
  }
  return { origin: `http://${parsed.hostname}:${parsed.port}`, database };
}
