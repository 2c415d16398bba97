import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { it } from 'node:test';
import { main } from '../../src/cli/main.ts';

// Each test file runs in its own process, so nothing else has loaded DuckDB here.
it('answers --version and --help without loading DuckDB or the Redis client', async () => {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  try {
    assert.equal(await main(['--version']), 0);
    assert.equal(await main(['report', '--help']), 0);
  } finally {
    process.stdout.write = write;
  }
  // DuckDB's binding is CommonJS, so loading it would leave it in the require cache.
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  assert.ok(!loaded.some((path) => path.includes('@duckdb')), 'DuckDB was loaded');
  assert.ok(!loaded.some((path) => path.includes('ioredis')), 'the Redis client was loaded');
});
