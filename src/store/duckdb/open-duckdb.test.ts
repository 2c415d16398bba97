import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDuckDb } from './open-duckdb.ts';

async function checkpointThreshold(workload?: 'bulk' | 'server'): Promise<string> {
  const instance = await openDuckDb(':memory:', workload);
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      "SELECT current_setting('checkpoint_threshold') AS threshold",
    );
    return reader.getRowObjectsJS()[0]?.threshold as string;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

test('commands that load and exit checkpoint late; the long-running server sooner', async () => {
  // DuckDB reads '256MB' as 256 × 10^6 bytes and prints it in MiB.
  assert.equal(await checkpointThreshold(), '244.1 MiB');
  assert.equal(await checkpointThreshold('server'), '30.5 MiB');
});
