import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { serveDashboard } from '../../src/server/serve-dashboard.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { listen } from '../helpers/listen.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

describe('the dashboard files beside the API', () => {
  const directory = tempDirectory('dashboard-serving');
  const built = join(directory, 'dist');
  let store: DuckDbStore;
  const servers: ReturnType<typeof createApp>[] = [];
  let base: string;
  let unbuilt: string;

  before(async () => {
    mkdirSync(join(built, 'assets'), { recursive: true });
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>dashboard</title>');
    writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(join(directory, 'secret.txt'), 'outside');
    store = await DuckDbStore.open(join(directory, 'store.duckdb'));
    const app = (dashboardDirectory: string) =>
      createApp({
        store,
        version: '0.0.0-test',
        adminToken: 's3cret',
        dashboard: serveDashboard(dashboardDirectory),
      });
    servers.push(app(built), app(join(directory, 'missing')));
    base = await listen(servers[0]!);
    unbuilt = await listen(servers[1]!);
  });

  after(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  it('serves index.html at / and for the dashboard paths, never cached, with no token', async () => {
    for (const path of ['/', '/overview?from=2026-03-01', '/allocation/deeper']) {
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.equal(await response.text(), '<!doctype html><title>dashboard</title>');
    }
  });

  it('serves hashed assets for a year, and a missing one as 404, not as HTML', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await asset.text(), 'console.log(1);');
    assert.equal(asset.headers.get('content-encoding'), 'gzip'); // fetch asks for it
    const head = await fetch(`${base}/assets/index-abc123.js`, {
      method: 'HEAD',
      headers: { 'accept-encoding': 'identity' },
    });
    assert.equal(head.headers.get('content-length'), '15');
    assert.equal(head.headers.get('content-encoding'), null);
    assert.equal((await fetch(`${base}/assets/index-gone.js`)).status, 404);
  });

  it('keeps files outside the build out of reach', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const text = await (await fetch(`${base}${path}`)).text();
      assert.notEqual(text, 'outside', path);
    }
  });

  it('leaves the API, its errors and its token as they were', async () => {
    const unknown = await fetch(`${base}/api/v1/nope`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal((await fetch(`${base}/api/v1/report`)).status, 401);
    assert.equal((await fetch(`${base}/v1/traces`)).status, 404);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/`, { method: 'POST' })).status, 404);
  });

  it('says how to build the dashboard when it is not built', async () => {
    const response = await fetch(`${unbuilt}/`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /npm run build:web/);
  });
});
