import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStandIn, type StandIn } from '../../../src/demo/stand-ins/index.ts';
import { startSpoolGateway, type SpoolGateway } from './spool-gateway.ts';
import { injectedDisk, tmpfsDisk, tmpfsProblem, type SpoolDisk } from './spool-disks.ts';

/** Request ids of the events in the spool's segment files; every line must be whole. */
function spooledIds(spool: string): string[] {
  const ids: string[] = [];
  for (const name of readdirSync(spool).filter((file) => file.startsWith('segment-'))) {
    for (const line of readFileSync(join(spool, name), 'utf8').split('\n')) {
      if (line === '') continue;
      ids.push((JSON.parse(line) as { requestId: string }).requestId);
    }
  }
  return ids;
}

const problem = tmpfsProblem();
const disks: [() => SpoolDisk, string | undefined][] = [
  [tmpfsDisk, problem],
  [injectedDisk, undefined],
];

for (const [makeDisk, skip] of disks) {
  const disk = makeDisk();
  describe(`a full disk under the spool: ${disk.name}`, { skip }, () => {
    // Not tempDirectory(): the tmpfs must be unmounted before the directory is removed.
    const directory = mkdtempSync(join(tmpdir(), 'tokenops-trust-full-disk-'));
    const spool = join(directory, 'spool');
    let storeUp = false;
    let standIn: StandIn;
    let gateway: SpoolGateway;

    const calls = async (count: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let call = 0; call < count; call += 1) {
        const response = await fetch(`${gateway.base}/openai/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tokenops-team': 'disk' },
          body: JSON.stringify({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: 'hi' }],
          }),
        });
        assert.equal(response.status, 200, 'the caller gets the answer whatever the disk');
        await response.text();
        ids.push(response.headers.get('x-tokenops-request-id') ?? '');
      }
      await gateway.spool.flush();
      return ids;
    };
    const start = async () => {
      gateway = await startSpoolGateway({
        directory,
        openaiUrl: standIn.url,
        storeUp: () => storeUp,
      });
    };

    before(async () => {
      standIn = await startStandIn({ kind: 'openai' });
      await disk.prepare(spool);
      await start();
    });
    after(async () => {
      try {
        await gateway.close();
      } finally {
        await disk.release();
        await standIn.close();
        rmSync(directory, { recursive: true, force: true });
      }
    });

    it('answers every call, keeps what was spooled whole, and loses nothing once space returns', async () => {
      // The store is down throughout, so the spool is all there is.
      const spooled = await calls(6);
      await disk.fill(1500);
      const unwritten = await calls(6);
      assert.ok(
        gateway.logs.some((line) => /spool: cannot write to .*ENOSPC.*from memory/.test(line)),
        'the failure is logged, with what happens to the events',
      );
      const onDisk = spooledIds(spool);
      for (const id of spooled) assert.ok(onDisk.includes(id), `${id} is still spooled, whole`);
      await disk.free();
      const later = await calls(6);
      assert.ok(gateway.logs.some((line) => line.startsWith('spool: writing to')));
      // A restart while the store is still down: what waited in memory reaches the disk.
      await gateway.close();
      assert.equal(gateway.spool.lost(), 0);
      const requestIds = [...spooled, ...unwritten, ...later];
      assert.equal(spooledIds(spool).length, requestIds.length, 'every event is on disk, once');
      storeUp = true;
      await start();
      const stored = await gateway.events();
      assert.deepEqual(
        stored.map((event) => event.requestId).sort(),
        [...requestIds].sort(),
        'each call stored exactly once',
      );
      assert.ok(stored.every((event) => event.tokens.input > 0 && event.status === 'ok'));
      assert.deepEqual(spooledIds(spool), [], 'the spool is empty again');
      storeUp = false;
    });

    it('counts and logs the events lost when the disk is still full at shutdown', async () => {
      await disk.fill(0);
      await calls(3);
      await gateway.close();
      assert.equal(gateway.spool.lost(), 3);
      assert.ok(
        gateway.logs.some((line) =>
          /3 event\(s\) reached neither the disk nor the store/.test(line),
        ),
      );
      await disk.free();
      await start();
    });
  });
}
