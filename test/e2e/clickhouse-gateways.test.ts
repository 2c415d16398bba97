import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { ReportRow } from '../../src/store/report-spec.ts';
import { startClickHouseServer, type ClickHouseServer } from '../helpers/clickhouse-server.ts';
import { queryClickHouse } from '../helpers/query-clickhouse.ts';
import { startServer } from '../helpers/run-cli.ts';
import { tallyStoredRequests, type StoredRequestTally } from '../helpers/tally-stored-requests.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// Two `tokenops start` replicas of one tokenops.yaml, each with its own data directory (its
// spool), sharing the Redis on 127.0.0.1:6379 (a hard budget's counters, the exact cache) and
// one ClickHouse store (a private server for this file).
const REDIS_URL = 'redis://127.0.0.1:6379';
const RUN = `${process.pid}-${Date.now()}`;
const BUDGET = `clickhouse-gateways-${RUN}`;

// The stand-in reports these counts per team. gpt-4o-mini: $0.15 per 1M input tokens, $0.60
// per 1M output tokens, so a call costs
//   alpha: 1,000 × 0.15e-6 + 200 × 0.60e-6 = 0.00015 + 0.00012 = $0.00027
//   beta:    400 × 0.15e-6 +  50 × 0.60e-6 = 0.00006 + 0.00003 = $0.00009
// 220 calls, half of each team: 110 × 0.00027 = $0.0297 and 110 × 0.00009 = $0.0099.
const USAGE = {
  alpha: { prompt_tokens: 1000, completion_tokens: 200 },
  beta: { prompt_tokens: 400, completion_tokens: 50 },
};
const CALLS = 220;
const EXPECTED = { alpha: { requests: 110, cost: 0.0297 }, beta: { requests: 110, cost: 0.0099 } };

const directory = tempDirectory('clickhouse-gateways');
const config = join(directory, 'tokenops.yaml');
let clickHouse: ClickHouseServer;
let storeUrl: string;
let standIn: StandIn;
type Gateway = Awaited<ReturnType<typeof startServer>>;
const gateways: Gateway[] = [];
const startGateway = (name: 'a' | 'b') =>
  startServer(['--config', config, '--data', join(directory, name)], directory);

before(async () => {
  clickHouse = await startClickHouseServer(directory);
  storeUrl = clickHouse.url('gateways');
  standIn = await startStandIn({ kind: 'openai', record: false });
  writeFileSync(
    config,
    [
      `providers: { openai: { baseUrl: "${standIn.url}" } }`,
      `store: { url: "${storeUrl}" }`,
      `redis: { url: "${REDIS_URL}" }`,
      // Far above what the file spends: counted in Redis on every call, never refusing one.
      'budgets:',
      `  - { name: ${BUDGET}, scope: {}, period: month, limitUsd: 1000, hard: true }`,
      'cache: { exact: { enabled: true, ttlSeconds: 120, scopes: [{ feature: shared }] } }',
      // A second between flushes, so a kill finds events in the spool (as crash-recovery does).
      'gateway: { flushIntervalMs: 1000 }',
    ].join('\n'),
  );
  gateways.push(...(await Promise.all([startGateway('a'), startGateway('b')])));
});

after(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await standIn.close();
  await clickHouse.stop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`tokenops:{ledger}:budget:${BUDGET}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

interface Call {
  gateway: Gateway;
  team: string;
  content: string;
  stream?: boolean;
  feature?: string;
  usage?: object;
}

/** One call read to its end; the request id when the answer came back whole, else undefined. */
async function send(call: Call): Promise<{ id?: string; cache: string | null }> {
  const response = await fetch(`${call.gateway.url}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-tokenops-team': call.team,
      ...(call.feature ? { 'x-tokenops-feature': call.feature } : {}),
      ...(call.usage ? { 'x-stand-in-usage': JSON.stringify(call.usage) } : {}),
    },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      stream: call.stream ?? false,
      messages: [{ role: 'user', content: call.content }],
    }),
  });
  const text = await response.text();
  const whole = call.stream
    ? text.includes('data: [DONE]')
    : (JSON.parse(text) as { usage?: unknown }).usage !== undefined;
  const id = response.headers.get('x-tokenops-request-id');
  return {
    ...(response.ok && whole && id ? { id } : {}),
    cache: response.headers.get('x-tokenops-cache'),
  };
}

/** Polls ClickHouse until every completed call of `where` is stored (spools flush each second). */
async function storedOnce(completed: string[], where: string): Promise<StoredRequestTally> {
  let tally = await tallyStoredRequests(storeUrl, completed, where);
  for (let attempt = 0; tally.missing > 0 && attempt < 100; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    tally = await tallyStoredRequests(storeUrl, completed, where);
  }
  return tally;
}

test('calls spread over two replicas are each stored once, and either replica reports their exact cost', async () => {
  const completed: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < CALLS) {
      const index = next++;
      // Teams alternate in pairs and replicas one by one, so each team goes through both.
      const team = index % 4 < 2 ? 'alpha' : 'beta';
      const { id } = await send({
        gateway: gateways[index % 2] as Gateway,
        team,
        content: `call ${RUN} ${index}`,
        stream: index % 11 === 10,
        usage: USAGE[team],
      });
      assert.ok(id, `call ${index} came back whole`);
      completed.push(id);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  assert.equal(completed.length, CALLS);

  const tally = await storedOnce(completed, "tag_team IN ('alpha', 'beta')");
  assert.deepEqual(tally, {
    completed: CALLS,
    stored_once: CALLS,
    missing: 0,
    doubled: 0,
    stored_without_completed_call: 0,
  });
  for (const gateway of gateways) {
    const response = await fetch(`${gateway.url}/api/v1/report?by=team`);
    const rows = (await response.json()) as ReportRow[];
    for (const [team, expected] of Object.entries(EXPECTED)) {
      const row = rows.find((candidate) => candidate.team === team);
      assert.equal(row?.requests, expected.requests, `${team} requests on ${gateway.url}`);
      assert.ok(
        Math.abs((row?.cost ?? 0) - expected.cost) < 1e-9,
        `${team} cost $${row?.cost} on ${gateway.url}, expected $${expected.cost}`,
      );
    }
  }
});

test('an answer cached through replica A is served by replica B from Redis', async () => {
  const [a, b] = gateways as [Gateway, Gateway];
  const call = { team: 'cache', feature: 'shared', content: `shared ${RUN}` };
  const first = await send({ ...call, gateway: a });
  assert.equal(first.cache, 'miss');
  // A keeps the answer just after its caller has it all: B may ask a moment before it lands.
  let second = await send({ ...call, gateway: b });
  for (let attempt = 0; second.cache !== 'hit' && attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    second = await send({ ...call, gateway: b });
  }
  assert.equal(second.cache, 'hit');
  assert.ok(second.id);
  const rows = await storedRows(second.id);
  assert.deepEqual(rows, [['hit', '0.000000000000']], 'the hit is stored, at no cost');
});

/** The stored cache outcome and cost of one call, once its event has reached ClickHouse. */
async function storedRows(requestId: string): Promise<string[][]> {
  await storedOnce([requestId], "tag_team = 'cache'");
  return queryClickHouse(
    storeUrl,
    `SELECT cache_outcome, toString(cost_total) FROM events WHERE request_id = '${requestId}'`,
  );
}

test('kill -9 of one replica under load, then its restart on the same data: no event lost or doubled', async () => {
  const completed: string[] = [];
  let killed = false;
  const worker = async (lane: number) => {
    for (let call = 0; !killed; call += 1) {
      try {
        const { id } = await send({
          gateway: gateways[(lane + call) % 2] as Gateway,
          team: 'crash',
          content: `crash ${RUN} ${lane}.${call}`,
          stream: call % 2 === 0,
        });
        if (id) completed.push(id);
      } catch {
        // Replica A was killed mid-answer: this call did not complete and may have no event.
      }
    }
  };
  const loading = Promise.all(Array.from({ length: 12 }, (_, lane) => worker(lane)));
  // Under load until enough calls have completed, then killed while a segment is on disk.
  while (completed.length < 200) await new Promise((resolve) => setTimeout(resolve, 20));
  const spool = join(directory, 'a', 'spool');
  while (readdirSync(spool).length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const killedReplica = gateways[0] as Gateway;
  process.kill(killedReplica.pid, 'SIGKILL');
  killed = true;
  await loading;
  assert.ok(readdirSync(spool).length > 0, 'the kill left events in the spool');

  // The restart replays that spool into ClickHouse before it listens.
  gateways[0] = await startGateway('a');
  assert.match(gateways[0].output(), /spool: replaying \d+ segment/);
  const tally = await storedOnce(completed, "tag_team = 'crash'");
  assert.equal(tally.missing, 0, `${tally.missing} of ${tally.completed} completed calls lost`);
  assert.equal(tally.doubled, 0, `${tally.doubled} completed calls stored twice`);
  assert.equal(tally.stored_once, completed.length);
  const [[events, ids] = []] = await queryClickHouse(
    storeUrl,
    "SELECT count(), uniqExact(request_id) FROM events WHERE tag_team = 'crash'",
  );
  assert.equal(events, ids, 'no event stored twice, completed or not');
});
