import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { listen } from '../helpers/listen.ts';
import { sampleEvents } from '../helpers/sample-events.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

describe('HTTP API', () => {
  const events = sampleEvents(500, 11);
  let store: DuckDbStore;
  let base: string;
  let secured: string;
  const servers: ReturnType<typeof createApp>[] = [];

  before(async () => {
    store = await DuckDbStore.open(join(tempDirectory('api'), 'api.duckdb'));
    await store.append(events);
    await store.appendBillingLines([
      {
        id: 'bill-1',
        format: 'openai-costs',
        role: 'cost',
        provider: 'openai',
        model: 'gpt-4o-mini',
        billedClass: 'input',
        periodStart: Date.UTC(2026, 2, 3),
        periodEnd: Date.UTC(2026, 2, 4),
        cost: 2.5,
        currency: 'USD',
      },
    ]);
    servers.push(
      createApp({ store, version: '0.0.0-test' }),
      createApp({ store, version: '0.0.0-test', adminToken: 's3cret' }),
    );
    base = await listen(servers[0]!);
    secured = await listen(servers[1]!);
  });
  after(async () => {
    for (const server of servers) server.close();
    await store.close();
  });

  it('answers /healthz once the store is open', async () => {
    const response = await fetch(`${base}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('serves the report with the CLI options as query parameters', async () => {
    const response = await fetch(
      `${base}/api/v1/report?by=team,feature&where=team:search&grain=day`,
    );
    assert.equal(response.status, 200);
    const rows = (await response.json()) as Record<string, string | number>[];
    const expected = events.filter((event) => event.tags.team === 'search');
    assert.equal(
      rows.reduce((sum, row) => sum + Number(row.requests), 0),
      expected.length,
    );
    assert.equal(
      rows.reduce((sum, row) => sum + Number(row.output_tokens), 0),
      expected.reduce((sum, event) => sum + event.tokens.output, 0),
    );
    assert.ok(
      rows.every(
        (row) => row.team === 'search' && typeof row.period === 'string' && 'feature' in row,
      ),
    );
  });

  it('refuses an unknown dimension with the field and the fix', async () => {
    const response = await fetch(`${base}/api/v1/report?by=teams`);
    assert.equal(response.status, 400);
    const body = (await response.json()) as {
      error: { code: string; message: string; fix: string };
    };
    assert.equal(body.error.code, 'invalid_input');
    assert.match(body.error.message, /by "teams" is not a dimension/);
    assert.match(body.error.fix, /team, service, feature/);
  });

  it('reconciles imported bills against metered spend', async () => {
    const response = await fetch(
      `${base}/api/v1/reconcile?from=2026-03-03&to=2026-03-03&by=provider`,
    );
    assert.equal(response.status, 200);
    const rows = (await response.json()) as {
      provider: string;
      invoiced_cost: number;
      metered_cost: number;
      gap: number;
    }[];
    const openai = rows.find((row) => row.provider === 'openai');
    const metered = events
      .filter(
        (event) =>
          event.provider === 'openai' &&
          event.timestamp >= Date.UTC(2026, 2, 3) &&
          event.timestamp < Date.UTC(2026, 2, 4),
      )
      .reduce((sum, event) => sum + (event.pricing.effective?.total ?? 0), 0);
    assert.equal(openai?.invoiced_cost, 2.5);
    assert.ok(Math.abs((openai?.metered_cost ?? 0) - metered) < 1e-9);
    assert.ok(Math.abs((openai?.gap ?? 0) - (2.5 - metered)) < 1e-9);
    const missing = await fetch(`${base}/api/v1/reconcile?by=provider`);
    assert.equal(missing.status, 400);
  });

  it('describes itself in OpenAPI 3.1', async () => {
    const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    assert.equal(document.openapi, '3.1.0');
    assert.ok('/api/v1/report' in document.paths);
    assert.ok('/healthz' in document.paths);
  });

  it('needs the admin token when one is configured', async () => {
    const refused = await fetch(`${secured}/api/v1/report`);
    assert.equal(refused.status, 401);
    const wrong = await fetch(`${secured}/api/v1/report`, {
      headers: { authorization: 'Bearer nope' },
    });
    assert.equal(wrong.status, 401);
    const allowed = await fetch(`${secured}/api/v1/report`, {
      headers: { authorization: 'Bearer s3cret' },
    });
    assert.equal(allowed.status, 200);
    assert.equal((await fetch(`${secured}/healthz`)).status, 200);
  });

  it('answers 404 for an unknown route with a pointer to the document', async () => {
    const response = await fetch(`${base}/api/v1/nope`);
    assert.equal(response.status, 404);
    assert.match(((await response.json()) as { error: { fix: string } }).error.fix, /openapi/);
  });
});
