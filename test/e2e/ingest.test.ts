import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import type { ReportRow } from '../../src/store/report-spec.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const OTLP_FIXTURE = new URL('../../../shared/fixtures/otlp-genai-traces.json', import.meta.url);

const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    timestamp: '2026-03-09T10:00:00Z',
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    input_tokens: 10_000,
    output_tokens: 1_000,
    tags: { team: 'support' },
    ...extra,
  });

describe('tokenops ingest FILE --format events', () => {
  const cwd = tempDirectory('ingest');

  it('loads NDJSON (gzipped too), refuses bad events by position and is idempotent', () => {
    writeFileSync(
      join(cwd, 'events.ndjson'),
      [line('e1'), line('e2', { input_tokens: -5 }), line('e3')].join('\n'),
    );
    const [first] = runCliJson<[{ accepted: number; duplicates: number; refused: number }]>(
      ['ingest', 'events.ndjson', '--format', 'events'],
      cwd,
    );
    assert.deepEqual([first.accepted, first.duplicates, first.refused], [2, 0, 1]);
    const table = runCli(['ingest', 'events.ndjson', '--format', 'events'], cwd);
    assert.match(table.stdout, /0 events .*2 already stored, 1 refused/);
    assert.match(table.stdout, /refused event 1: input_tokens must be 0 or more/);
    writeFileSync(join(cwd, 'more.ndjson.gz'), gzipSync([line('e3'), line('e4')].join('\n')));
    const [gz] = runCliJson<[{ accepted: number; duplicates: number }]>(
      ['ingest', 'more.ndjson.gz', '--format', 'events'],
      cwd,
    );
    assert.deepEqual([gz.accepted, gz.duplicates], [1, 1]);
    // claude-haiku-4-5: 10,000 × $1 + 1,000 × $5 per 1M = $0.015 a call, three calls.
    const [support] = runCliJson<ReportRow[]>(['report', '--by', 'team'], cwd);
    assert.equal(support?.requests, 3);
    assert.ok(Math.abs((support?.cost ?? 0) - 0.045) < 1e-12);
  });

  it('sends the same file through a running server with --server', async () => {
    writeFileSync(join(cwd, 'array.json'), `[${[line('s1'), line('s2')].join(',')}]`);
    const server = await startServer([], cwd);
    try {
      const [sent] = runCliJson<[{ accepted: number }]>(
        ['--server', server.url, 'ingest', 'array.json', '--format', 'events'],
        cwd,
      );
      assert.equal(sent.accepted, 2);
    } finally {
      await server.stop();
    }
    assert.equal(runCliJson<ReportRow[]>(['report', '--by', 'team'], cwd)[0]?.requests, 5);
  });

  it('refuses a format it cannot ingest, saying what to use', () => {
    const result = runCli(['ingest', 'array.json', '--format', 'csv'], cwd);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Fix: use --format events .* or --format otlp/);
  });
});

describe('tokenops ingest FILE --format otlp', () => {
  const cwd = tempDirectory('ingest-otlp');

  it('loads an OTLP JSON export, tags from otlp.tagAttributes, idempotent by span', () => {
    copyFileSync(fileURLToPath(OTLP_FIXTURE), join(cwd, 'traces.json'));
    writeFileSync(
      join(cwd, 'tokenops.yaml'),
      'otlp:\n  tagAttributes:\n    gen_ai.conversation.id: conversation\n',
    );
    const [first] = runCliJson<[{ accepted: number; skipped: number; refused: number }]>(
      ['ingest', 'traces.json', '--format', 'otlp'],
      cwd,
    );
    assert.deepEqual([first.accepted, first.skipped, first.refused], [2, 2, 0]);
    const again = runCli(['ingest', 'traces.json', '--format', 'otlp'], cwd);
    assert.match(again.stdout, /0 model calls .*2 already stored, 2 other spans skipped/);
    const rows = runCliJson<ReportRow[]>(['report', '--by', 'tag:conversation'], cwd);
    assert.deepEqual(
      rows.map((row) => [row['tag:conversation'], row.requests]),
      // The legacy Anthropic span carries no conversation id; it costs more, so it comes first.
      [
        ['(unattributed)', 1],
        ['conv_68cf1b2e9a7c4d10b3e5f7a2', 1],
      ],
    );
  });
});
