import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../domain/errors/index.ts';
import { parseClickHouseUrl } from './clickhouse-url.ts';

describe('parseClickHouseUrl', () => {
  it('reads host, HTTP port and database, and no cluster by default', () => {
    assert.deepEqual(parseClickHouseUrl('clickhouse://db.internal:8123/tokenops'), {
      origin: 'http://db.internal:8123',
      database: 'tokenops',
    });
  });

  it('reads ?cluster=NAME', () => {
    assert.deepEqual(parseClickHouseUrl('clickhouse://lb:8123/tokenops?cluster=finops_1'), {
      origin: 'http://lb:8123',
      database: 'tokenops',
      cluster: 'finops_1',
    });
  });

  for (const [url, reason] of [
    ['clickhouse://lb:8123/tokenops?cluster=', /cluster name/],
    ['clickhouse://lb:8123/tokenops?cluster=a-b', /cluster name/],
    ['clickhouse://lb:8123/tokenops?cluster=1a', /cluster name/],
    ["clickhouse://lb:8123/tokenops?cluster=x'%20OR", /cluster name/],
    ['clickhouse://lb:8123/tokenops?cluster=a&cluster=b', /cluster name/],
    ['clickhouse://lb:8123/tokenops?clsuter=a', /unknown parameter "clsuter"/],
    ['clickhouse://lb:8123/1db', /database name/],
  ] as const) {
    it(`refuses ${url}`, () => {
      assert.throws(
        () => parseClickHouseUrl(url),
        (error: unknown) =>
          error instanceof ConfigError &&
          reason.test(error.message) &&
          /\?cluster=/.test(error.fix),
      );
    });
  }
});
