import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli, runCliJson } from '../../helpers/run-cli.ts';
import { tempDirectory } from '../../helpers/temp-directory.ts';
import { SeededFuzz } from '../seeded-fuzz.ts';
import { snapshotStore, type StoreSnapshot } from '../store-snapshot.ts';
import { validEvent } from './event-mutations.ts';

interface IngestSummary {
  file: string;
  accepted: number;
  duplicates: number;
  refused: number;
}

/** One line on stderr naming what is wrong and the fix; nothing on stdout; exit code 1. */
function assertRefused(result: ReturnType<typeof runCli>, pattern: RegExp): void {
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^tokenops: [^\n]+\. Fix: [^\n]+\n$/);
  assert.match(result.stderr, pattern);
}

describe('tokenops ingest FILE --format events with bad lines', () => {
  const cwd = tempDirectory('trust-ingest');
  const database = join(cwd, '.tokenops', 'tokenops.duckdb');
  const fuzz = new SeededFuzz(2);
  const good = Array.from({ length: 6 }, (_, index) => validEvent(fuzz, `cli-${index}`));
  let afterGood: StoreSnapshot;

  before(() => {
    // A byte order mark, CRLF line ends and blank lines are all fine around good lines.
    const cut = '{"id": "cut", "timestamp": "2026-03-09T10:00:00Z", "provider": "ope';
    const typed = JSON.stringify({ ...validEvent(fuzz, 'typed'), input_tokens: '120' });
    const bad = [
      cut,
      Buffer.concat([
        Buffer.from('{"id": "latin1", "timestamp": "2026-03-09T10:00:00Z", "model": "caf'),
        Buffer.from([0xe9]),
        Buffer.from('", "provider": "openai"}'),
      ]),
      typed,
      JSON.stringify({ ...validEvent(fuzz, 'surrogate'), model: 'gpt-\ud800' }),
    ];
    const lines = good.map((event) => Buffer.from(JSON.stringify(event)));
    lines.splice(2, 0, ...bad.map((line) => Buffer.from(line)), Buffer.from(''));
    const ndjson = Buffer.concat([
      Buffer.from('\uFEFF'),
      ...lines.flatMap((line) => [line, Buffer.from('\r\n')]),
    ]);
    writeFileSync(join(cwd, 'mixed.ndjson'), ndjson);
    writeFileSync(join(cwd, 'all-bad.ndjson'), `${cut}\n${typed}\n`);
    writeFileSync(join(cwd, 'cut.json'), JSON.stringify(good).slice(0, -30));
  });

  it('keeps the good lines, refuses each bad one, and changes nothing on a rerun', async () => {
    const [first] = runCliJson<[IngestSummary]>(
      ['ingest', 'mixed.ndjson', '--format', 'events'],
      cwd,
    );
    assert.deepEqual(first, { file: 'mixed.ndjson', accepted: 6, duplicates: 0, refused: 4 });
    afterGood = await snapshotStore(database);
    assert.equal(afterGood.events, 6);
    const table = runCli(['ingest', 'mixed.ndjson', '--format', 'events'], cwd);
    assert.equal(table.status, 0);
    assert.match(table.stdout, /Ingested 0 events .*\(6 already stored, 4 refused\)/);
    assert.match(table.stdout, /refused event 2: \(line\) is not valid JSON/);
    assert.match(table.stdout, /refused event 3: \(line\) is not UTF-8 text/);
    assert.match(table.stdout, /refused event 4: input_tokens Invalid input: expected number/);
    assert.match(table.stdout, /refused event 5: model holds a lone UTF-16 surrogate/);
    assert.deepEqual(await snapshotStore(database), afterGood);
  });

  it('exits 1 when no line is good, listing each refusal, the store untouched', async () => {
    const result = runCli(['ingest', 'all-bad.ndjson', '--format', 'events'], cwd);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /Ingested 0 events .*2 refused/);
    assert.match(result.stdout, /refused event 0: \(line\) is not valid JSON/);
    assert.deepEqual(await snapshotStore(database), afterGood);
  });

  it('refuses a cut JSON array, a missing file and a directory with one line', async () => {
    assertRefused(
      runCli(['ingest', 'cut.json', '--format', 'events'], cwd),
      /invalid events body: \(body\) is not valid JSON/,
    );
    assertRefused(
      runCli(['ingest', 'missing.ndjson', '--format', 'events'], cwd),
      /missing\.ndjson: no such file or directory/,
    );
    assertRefused(runCli(['ingest', '.tokenops', '--format', 'events'], cwd), /is a directory/);
    assert.deepEqual(await snapshotStore(database), afterGood);
  });
});
