import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AnomalyRow } from '../../src/govern/index.ts';
import { runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

/** 21 days to 31 March: the runaway loop starts at 13:00 UTC on 25 March, two thirds in. */
const SPIKE_DAY = ['--from', '2026-03-25', '--to', '2026-03-25'];
const QUIET_DAY = ['--from', '2026-03-22', '--to', '2026-03-22'];

describe('anomalies on the demo workload', () => {
  const cwd = tempDirectory('anomalies');

  before(() => {
    runCliJson(['demo', '--days', '21', '--events-per-day', '4000', '--end', '2026-03-31'], cwd);
  });

  it("finds the runaway coding agent: its team's cost spike and the trace itself", () => {
    const rows = runCliJson<AnomalyRow[]>(['anomalies', ...SPIKE_DAY], cwd);
    const cost = rows.find(
      (row) => row.metric === 'cost' && row.scope.team === 'developer-productivity',
    );
    assert.ok(cost, JSON.stringify(rows));
    assert.equal(cost.start, '2026-03-25T13:00:00.000Z');
    assert.equal(cost.end, '2026-03-25T15:00:00.000Z');
    assert.ok(cost.observed > 3 * cost.expected);
    assert.equal(cost.key, 'anomaly:team=developer-productivity:cost:2026-03-25T13');
    assert.deepEqual(Object.keys(cost).slice(0, 7), [
      'scope',
      'metric',
      'start',
      'end',
      'observed',
      'expected',
      'score',
    ]);
    const runaway = rows.find((row) => row.scope.trace !== undefined);
    assert.ok(runaway, 'the runaway trace');
    assert.equal(runaway.kind, 'runaway');
    assert.ok(runaway.start >= '2026-03-25T13:00' && runaway.end <= '2026-03-25T15:00:00.000Z');
  });

  it('finds nothing on a quiet day', () => {
    assert.deepEqual(runCliJson<AnomalyRow[]>(['anomalies', ...QUIET_DAY], cwd), []);
  });

  it('gives the same rows through the API and --server', async () => {
    const direct = runCliJson<AnomalyRow[]>(['anomalies', '--metric', 'cost', ...SPIKE_DAY], cwd);
    const server = await startServer([], cwd);
    try {
      const response = await fetch(
        `${server.url}/api/v1/anomalies?metric=cost&from=2026-03-25&to=2026-03-25`,
      );
      assert.deepEqual(await response.json(), direct);
      const remote = runCliJson<AnomalyRow[]>(
        ['--server', server.url, 'anomalies', '--metric', 'cost', ...SPIKE_DAY],
        cwd,
      );
      assert.deepEqual(remote, direct);
      const refused = await fetch(`${server.url}/api/v1/anomalies?metric=latency`);
      assert.equal(refused.status, 400);
    } finally {
      await server.stop();
    }
  });
});
