import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import generatedRoot from '@opentelemetry/otlp-transformer/build/src/generated/root.js';
import { createApp } from '../../../src/server/app.ts';
import { DuckDbStore } from '../../../src/store/duckdb/duckdb-store.ts';
import { listen } from '../../helpers/listen.ts';
import { tempDirectory } from '../../helpers/temp-directory.ts';
import { SeededFuzz, fuzzCase } from '../seeded-fuzz.ts';

const FIXTURE = new URL('../../../../shared/fixtures/otlp-genai-traces.json', import.meta.url);

interface Message {
  fromObject(object: unknown): object;
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
}
const { ExportTraceServiceRequest, ExportTraceServiceResponse } = (
  generatedRoot as unknown as {
    opentelemetry: {
      proto: {
        collector: {
          trace: {
            v1: Record<'ExportTraceServiceRequest' | 'ExportTraceServiceResponse', Message>;
          };
        };
      };
    };
  }
).opentelemetry.proto.collector.trace.v1;

/** The fixture encoded by the OpenTelemetry library itself: ids from hex to bytes first. */
function fixtureAsProtobuf(): Buffer {
  const request = JSON.parse(readFileSync(FIXTURE, 'utf8'), (key, value: unknown) =>
    ['traceId', 'spanId', 'parentSpanId'].includes(key) && typeof value === 'string'
      ? Buffer.from(value, 'hex')
      : value,
  ) as unknown;
  const message = ExportTraceServiceRequest.fromObject(request);
  return Buffer.from(ExportTraceServiceRequest.encode(message).finish());
}

describe('POST /v1/traces with corrupt OTLP', () => {
  const fuzz = new SeededFuzz(3);
  const logs: string[] = [];
  let store: DuckDbStore;
  let server: ReturnType<typeof createApp>;
  let base: string;
  /** Every stored event: id → its counts and time, which no later export may change. */
  let known = new Map<string, string>();

  const post = (body: Uint8Array, contentType: string) =>
    fetch(`${base}/v1/traces`, { method: 'POST', body, headers: { 'content-type': contentType } });
  const stored = async (): Promise<Map<string, string>> => {
    const rows = new Map<string, string>();
    for await (const batch of store.eventsBetween(0, Date.UTC(10000, 0, 1), 10_000)) {
      for (const event of batch) {
        rows.set(event.id, `${event.timestamp}/${JSON.stringify(event.tokens)}/${event.model}`);
      }
    }
    // No event hides outside years 1970 to 9999 (a wrapped timestamp would).
    assert.equal((await store.timeRange())?.events ?? 0, rows.size, 'every time is plausible');
    return rows;
  };

  /**
   * One corrupt export: refused whole (400, one line naming the body, nothing stored), or
   * taken (200, an OTLP answer) with every earlier event unchanged and nothing half-written:
   * sent again, it adds nothing.
   */
  const check = async (label: string, body: Uint8Array, contentType: string) => {
    const response = await post(body, contentType);
    assert.ok([200, 400].includes(response.status), `${label}: answered ${response.status}`);
    const now = await stored();
    if (response.status === 400) {
      const { error } = (await response.json()) as { error: { message: string; fix: string } };
      assert.match(error.message, /^invalid OTLP trace export: \S+ [^\n]+$/, label);
      assert.ok(error.fix, label);
      assert.deepEqual(now, known, `${label}: a refused export stores nothing`);
      return;
    }
    const answer = Buffer.from(await response.arrayBuffer());
    if (contentType === 'application/x-protobuf') ExportTraceServiceResponse.decode(answer);
    else JSON.parse(answer.toString('utf8'));
    for (const [id, value] of known) assert.equal(now.get(id), value, `${label}: ${id} unchanged`);
    assert.ok(now.size - known.size <= 4, `${label}: at most one event per span`);
    assert.equal((await post(body, contentType)).status, 200);
    assert.deepEqual(await stored(), now, `${label}: sent again, nothing is added`);
    known = now;
  };

  before(async () => {
    store = await DuckDbStore.open(join(tempDirectory('trust-otlp'), 'otlp.duckdb'));
    server = createApp({ store, version: 'test', log: (line) => logs.push(line) });
    base = await listen(server);
    assert.equal((await post(fixtureAsProtobuf(), 'application/x-protobuf')).status, 200);
    known = await stored();
    assert.equal(known.size, 2, 'the fixture holds two model calls');
  });
  after(async () => {
    server.close();
    await store.close();
  });

  it('survives bit flips, truncation and overwritten bytes of a protobuf export', async () => {
    const valid = fixtureAsProtobuf();
    for (let round = 0; round < 120; round += 1) {
      const corruptions = [
        () => fuzz.flipBits(valid, 1 + fuzz.below(4)),
        () => fuzz.truncate(valid),
        () => fuzz.overwrite(valid, 1 + fuzz.below(8)),
        () => fuzz.bytes(2_000),
      ];
      const body = fuzz.pick(corruptions)();
      await check(fuzzCase('protobuf', round), body, 'application/x-protobuf');
    }
  });

  it('survives OTLP JSON whose times, counts or ids are out of range or of the wrong type', async () => {
    const valid = readFileSync(FIXTURE, 'utf8');
    let round = 0;
    for (const key of ['(?:start|end)TimeUnixNano', 'intValue', 'traceId']) {
      for (const value of ['"99999999999999999999999"', '"3000000000"', '-1', '{}', '"0"']) {
        // A fresh trace id, so a wrongly accepted span is a new event, not a duplicate.
        const fresh = valid.replaceAll(
          '4bf92f3577b34da6a3ce929d0e0e4736',
          `${round}`.padStart(32, 'a'),
        );
        const body = fresh.replace(new RegExp(`"(${key})": "[^"]*"`, 'g'), `"$1": ${value}`);
        await check(`${key} = ${value} #${round++}`, Buffer.from(body), 'application/json');
      }
    }
  });

  it('survives broken OTLP JSON: cut, spliced or not UTF-8', async () => {
    const valid = readFileSync(FIXTURE, 'utf8');
    const pieces = ['"', '{', ']', ',', 'null', '"resourceSpans": {}', '\u0000', '1e999', '-'];
    for (let round = 0; round < 60; round += 1) {
      const corruptions = [
        () => Buffer.from(valid.slice(0, fuzz.below(valid.length))),
        () => Buffer.from(fuzz.insert(valid, fuzz.pick(pieces))),
        () => fuzz.overwrite(Buffer.from(valid), 1 + fuzz.below(4)),
      ];
      await check(fuzzCase('json', round), fuzz.pick(corruptions)(), 'application/json');
    }
  });

  it('stays up and never answered with an internal error', async () => {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.deepEqual(
      logs.filter((line) => line.startsWith('error on')),
      [],
    );
  });
});
