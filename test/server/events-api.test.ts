import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import type { ReportRow } from '../../src/store/report-spec.ts';
import { listen } from '../helpers/listen.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const call = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  timestamp: '2026-03-09T10:00:00Z',
  provider: 'openai',
  model: 'gpt-4o-mini',
  input_tokens: 1_000_000,
  output_tokens: 100_000,
  tags: { team: 'search', feature: 'answers' },
  request_id: `request-${id}`,
  ...extra,
});

describe('events and feedback API', () => {
  let store: DuckDbStore;
  let server: ReturnType<typeof createApp>;
  let base: string;
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const report = async () =>
    (await (await fetch(`${base}/api/v1/report?by=team`)).json()) as ReportRow[];

  before(async () => {
    store = await DuckDbStore.open(join(tempDirectory('events-api'), 'events.duckdb'));
    server = createApp({ store, version: 'test' });
    base = await listen(server);
  });
  after(async () => {
    server.close();
    await store.close();
  });

  it('keeps the good events of a partly bad batch and names the bad ones', async () => {
    const response = await post(
      '/api/v1/events',
      JSON.stringify([call('a'), call('b', { cache_read_tokens: 2_000_000 }), call('c')]),
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      accepted: number;
      duplicates: number;
      refused: { index: number; issues: { field: string }[] }[];
    };
    assert.equal(body.accepted, 2);
    assert.deepEqual(
      body.refused.map((item) => [item.index, item.issues[0]?.field]),
      [[1, 'input_tokens']],
    );
    // Priced on the way in: 1,000,000 × $0.15 + 100,000 × $0.60 per 1M = $0.21 a call.
    const [search] = await report();
    assert.equal(search?.requests, 2);
    assert.ok(Math.abs((search?.cost ?? 0) - 0.42) < 1e-12);
  });

  it('is idempotent by event id and takes gzipped NDJSON', async () => {
    const ndjson = [call('a'), call('d')].map((item) => JSON.stringify(item)).join('\n');
    const response = await post('/api/v1/events', gzipSync(ndjson), {
      'content-encoding': 'gzip',
      'content-type': 'application/x-ndjson',
    });
    assert.deepEqual(await response.json(), { accepted: 1, duplicates: 1, refused: [] });
    assert.equal((await report())[0]?.requests, 3);
  });

  it('answers 400 when nothing in the batch is valid, and stores nothing', async () => {
    const response = await post(
      '/api/v1/events',
      JSON.stringify([call('x', { provider: 'openia' })]),
    );
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { issues: { field: string }[]; fix: string } };
    assert.equal(body.error.issues[0]?.field, '[0].provider');
    assert.equal((await post('/api/v1/events', '{"not": "an array"')).status, 400);
    assert.equal((await report())[0]?.requests, 3);
  });

  it('exposes Prometheus metrics: requests by route, events by door and result', async () => {
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await response.text();
    // So far: a batch of 3 with 1 refused, then 2 with 1 duplicate; the all-bad batch is a 400.
    assert.match(text, /tokenops_events_total\{door="api",result="accepted"\} 3/);
    assert.match(text, /tokenops_events_total\{door="api",result="duplicate"\} 1/);
    assert.match(text, /tokenops_events_total\{door="api",result="refused"\} 1/);
    assert.match(
      text,
      /tokenops_http_requests_total\{route="POST \/api\/v1\/events",status="400"\} 2/,
    );
    assert.match(text, /tokenops_process_cpu_user_seconds_total/);
  });

  it('records outcomes reported after the call, by request id', async () => {
    const response = await post(
      '/api/v1/feedback',
      JSON.stringify([
        { request_id: 'request-a', outcome: 'success', score: 0.9 },
        { request_id: 'request-zz', outcome: 'failure' },
      ]),
    );
    assert.deepEqual(await response.json(), { updated: 1, unknown: ['request-zz'] });
    const economics = (await (await fetch(`${base}/api/v1/unit-economics?by=feature`)).json()) as {
      success_rate: number | null;
    }[];
    assert.equal(economics[0]?.success_rate, 1);
    assert.equal(
      (await post('/api/v1/feedback', JSON.stringify({ request_id: 'request-a' }))).status,
      400,
    );
  });
});
