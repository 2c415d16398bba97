import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Ledger } from './ledger.ts';
import { createRedisLedger } from './redis-ledger.ts';

// The Redis these machines run (and CI installs) on its default port.
const REDIS = 'redis://127.0.0.1:6379';
const HOUR = 3_600_000;
const opened: Ledger[] = [];

async function ledger(holderTtlMs = 30_000): Promise<Ledger> {
  const created = await createRedisLedger(REDIS, { holderTtlMs });
  opened.push(created);
  return created;
}

after(async () => {
  await Promise.all(opened.map((each) => each.close()));
});

describe('Redis ledger shared by two gateways', () => {
  it('counts both gateways’ reservations against one limit, then their settled spend', async () => {
    const key = `test:${randomUUID()}`;
    const [first, second] = [await ledger(), await ledger()];
    assert.deepEqual(await first.reserve([{ key, amount: 60, limit: 100, ttlMs: HOUR }]), {
      reserved: true,
    });
    assert.deepEqual(await second.reserve([{ key, amount: 50, limit: 100, ttlMs: HOUR }]), {
      reserved: false,
      key,
      balance: { spent: 0, reserved: 60 },
    });
    await first.settle([{ key, reserved: 60, actual: 45, ttlMs: HOUR }]);
    assert.deepEqual((await second.read([key])).get(key), { spent: 45, reserved: 0 });
    assert.deepEqual(await second.reserve([{ key, amount: 50, limit: 100, ttlMs: HOUR }]), {
      reserved: true,
    });
    assert.deepEqual((await first.read([key])).get(key), { spent: 45, reserved: 50 });
  });

  it('lets the reservations of a gateway killed mid-call lapse, keeping what it spent', async () => {
    const key = `test:${randomUUID()}`;
    const survivor = await ledger();
    // A gateway process that spends 20, reserves 70 for a call in flight, and is killed -9.
    const gateway = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', holdingProcess(key)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [ready] = (await Promise.race([
      once(gateway.stdout, 'data'),
      once(gateway, 'exit').then(() => assert.fail('the gateway process exited (see its stderr)')),
    ])) as [Buffer];
    assert.equal(ready.toString().trim(), 'holding');
    assert.deepEqual((await survivor.read([key])).get(key), { spent: 20, reserved: 70 });
    const refused = await survivor.reserve([{ key, amount: 40, limit: 100, ttlMs: HOUR }]);
    assert.equal(refused.reserved, false);
    const exited = once(gateway, 'exit');
    gateway.kill('SIGKILL');
    await exited;
    await sleep(600);
    assert.deepEqual((await survivor.read([key])).get(key), { spent: 20, reserved: 0 });
    assert.deepEqual(await survivor.reserve([{ key, amount: 40, limit: 100, ttlMs: HOUR }]), {
      reserved: true,
    });
  });

  it('keeps a live gateway’s reservation past its liveness period while it renews', async () => {
    const key = `test:${randomUUID()}`;
    const [holder, other] = [await ledger(300), await ledger()];
    await holder.reserve([{ key, amount: 80, limit: 100, ttlMs: HOUR }]);
    await sleep(900);
    assert.deepEqual((await other.read([key])).get(key), { spent: 0, reserved: 80 });
  });

  it('releases what a gateway holds when it closes', async () => {
    const key = `test:${randomUUID()}`;
    const [closing, other] = [await createRedisLedger(REDIS), await ledger()];
    await closing.reserve([{ key, amount: 80, limit: 100, ttlMs: HOUR }]);
    await closing.close();
    assert.deepEqual((await other.read([key])).get(key), { spent: 0, reserved: 0 });
  });
});

/** A module that reserves on `key` with a 300 ms liveness, says so, and stays alive. */
function holdingProcess(key: string): string {
  const module = new URL('./redis-ledger.ts', import.meta.url).href;
  return `
    import { createRedisLedger } from ${JSON.stringify(module)};
    const ledger = await createRedisLedger(${JSON.stringify(REDIS)}, { holderTtlMs: 300 });
    const key = ${JSON.stringify(key)};
    await ledger.reserve([{ key, amount: 30, limit: 100, ttlMs: ${HOUR} }]);
    await ledger.settle([{ key, reserved: 30, actual: 20, ttlMs: ${HOUR} }]);
    await ledger.reserve([{ key, amount: 70, limit: 100, ttlMs: ${HOUR} }]);
    process.stdout.write('holding\\n');
    setInterval(() => {}, 60_000);
  `;
}
