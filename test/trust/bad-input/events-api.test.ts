import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../../src/server/app.ts';
import { DuckDbStore } from '../../../src/store/duckdb/duckdb-store.ts';
import { listen } from '../../helpers/listen.ts';
import { tempDirectory } from '../../helpers/temp-directory.ts';
import { SeededFuzz, fuzzCase } from '../seeded-fuzz.ts';
import { INVALID_MUTATIONS, validEvent, type WireEvent } from './event-mutations.ts';

interface ErrorBody {
  error: { code: string; message: string; fix: string; issues?: { field: string }[] };
}
interface BatchAnswer {
  accepted: number;
  duplicates: number;
  refused: { index: number; issues: { field: string; reason: string }[] }[];
}

const YEAR_0 = Date.UTC(0, 0, 1);
const YEAR_10000 = Date.UTC(10000, 0, 1);

describe('POST /api/v1/events with bad input', () => {
  const fuzz = new SeededFuzz(1);
  const logs: string[] = [];
  /** What the test sent that the API must have kept: id → the counts sent. */
  const expected = new Map<string, string>();
  let store: DuckDbStore;
  let server: ReturnType<typeof createApp>;
  let base: string;

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const fingerprint = (event: { input: number; output: number; team?: string }) =>
    `${event.input}/${event.output}/${event.team}`;
  const stored = async (): Promise<Map<string, string>> => {
    const rows = new Map<string, string>();
    for await (const batch of store.eventsBetween(YEAR_0, YEAR_10000, 10_000)) {
      for (const event of batch) {
        rows.set(event.id, fingerprint({ ...event.tokens, team: event.tags.team }));
      }
    }
    return rows;
  };
  const remember = (event: WireEvent) =>
    expected.set(
      String(event.id),
      fingerprint({
        input: Number(event.input_tokens),
        output: Number(event.output_tokens),
        team: (event.tags as { team: string }).team,
      }),
    );

  before(async () => {
    store = await DuckDbStore.open(join(tempDirectory('trust-events'), 'events.duckdb'));
    server = createApp({ store, version: 'test', log: (line) => logs.push(line) });
    base = await listen(server);
    const seed = Array.from({ length: 20 }, (_, index) => validEvent(fuzz, `seed-${index}`));
    assert.equal((await post(JSON.stringify(seed))).status, 200);
    seed.forEach(remember);
  });
  after(async () => {
    server.close();
    await store.close();
  });

  it('refuses bodies it cannot read with one line naming the body, and stores nothing', async () => {
    const array = JSON.stringify([validEvent(fuzz, 'never-stored')]);
    const notUtf8 = Buffer.concat([Buffer.from(array.slice(0, 40)), Buffer.from([0xc3, 0x28])]);
    const cases: [string, string | Buffer, Record<string, string>, number][] = [
      ['an empty body', '', {}, 400],
      ['only blank lines', ' \r\n\n\t', {}, 400],
      ['a truncated array', array.slice(0, -9), {}, 400],
      ['not an array', '{"events": []', {}, 400],
      ['null', 'null', {}, 400],
      ['an array of numbers', '[1, 2, 3]', {}, 400],
      ['bytes that are not UTF-8', Buffer.concat([notUtf8, Buffer.from('"}]')]), {}, 400],
      ['XML', '<events><event id="1"/></events>', { 'content-type': 'application/xml' }, 400],
      ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, {}, 400],
      ['a 10 MB string', JSON.stringify(['x'.repeat(10_000_000)]), {}, 400],
      ['gzip that is not', 'not gzip at all', { 'content-encoding': 'gzip' }, 400],
      ['65 MiB', Buffer.alloc(65 * 2 ** 20, 0x20), {}, 413],
    ];
    const before = await stored();
    for (const [name, body, headers, status] of cases) {
      const response = await post(body, headers);
      assert.equal(response.status, status, name);
      const { error } = (await response.json()) as ErrorBody;
      assert.doesNotMatch(error.message, /\n|\bat .*\.ts:\d+/, `${name}: one line, no stack`);
      assert.ok(error.fix.length > 0, `${name}: says how to fix it`);
      if (status === 400) assert.match(error.message, /\(body\)|\[\d+\]\./, `${name}: names it`);
    }
    assert.deepEqual(await stored(), before, 'nothing stored changed');
  });

  it('keeps exactly the valid events of fuzzed batches and names each bad one', async () => {
    for (let round = 0; round < 40; round += 1) {
      const label = fuzzCase('batch', round);
      const events: WireEvent[] = [];
      const bad = new Map<number, { mutation: string; field: string }>();
      for (let index = 0; index < 12; index += 1) {
        const event = validEvent(fuzz, `fuzz-${round}-${index}`);
        if (fuzz.chance(0.4)) {
          const mutation = fuzz.pick(INVALID_MUTATIONS);
          bad.set(index, { mutation: mutation.name, field: mutation.apply(event, fuzz) });
        }
        events.push(event);
      }
      // Now and then, an event already stored comes again with other counts: a duplicate.
      const repeat = fuzz.chance(0.5) ? fuzz.below(20) : undefined;
      if (repeat !== undefined) events.push({ ...validEvent(fuzz, `seed-${repeat}`) });
      const ndjson = fuzz.chance(0.5);
      const body = ndjson
        ? events.map((event) => JSON.stringify(event)).join(fuzz.pick(['\n', '\r\n', '\n\n']))
        : JSON.stringify(events);
      const valid = events.filter((_, index) => !bad.has(index) && index < 12);
      const gzip = fuzz.chance(0.3);
      const response = await post(
        gzip ? gzipSync(body) : body,
        gzip ? { 'content-encoding': 'gzip' } : {},
      );
      if (valid.length === 0 && repeat === undefined) {
        assert.equal(response.status, 400, label);
        const { error } = (await response.json()) as ErrorBody;
        assert.ok(error.issues && error.issues.length >= bad.size, `${label}: every field named`);
        continue;
      }
      assert.equal(response.status, 200, label);
      const answer = (await response.json()) as BatchAnswer;
      assert.equal(answer.accepted, valid.length, label);
      assert.equal(answer.duplicates, repeat === undefined ? 0 : 1, label);
      assert.deepEqual(
        answer.refused.map((item) => item.index),
        [...bad.keys()],
        `${label}: the refused are the mutated ones`,
      );
      for (const item of answer.refused) {
        const { mutation, field } = bad.get(item.index) ?? { mutation: '', field: '' };
        assert.ok(
          item.issues.some((issue) => issue.field.startsWith(field)),
          `${label}: ${mutation} is refused naming ${field}, got ${JSON.stringify(item.issues)}`,
        );
      }
      valid.forEach(remember);
    }
    assert.deepEqual(await stored(), expected, 'exactly the valid events, and the first copies');
  });

  it('reads a JSON body whatever its Content-Type, as curl -d sends it', async () => {
    const event = validEvent(fuzz, 'form-encoded');
    const response = await post(JSON.stringify([event]), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.deepEqual(await response.json(), { accepted: 1, duplicates: 0, refused: [] });
    remember(event);
    assert.deepEqual(await stored(), expected);
  });

  it('stays up and never answered with an internal error', async () => {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.deepEqual(
      logs.filter((line) => line.startsWith('error on')),
      [],
    );
  });
});
