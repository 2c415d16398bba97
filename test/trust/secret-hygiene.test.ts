import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const secret = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;
const CONFIGURED_KEY = secret('sk-proj-configured-');
const CALLER_OPENAI_KEY = secret('sk-proj-caller-');
const CALLER_ANTHROPIC_KEY = secret('sk-ant-caller-');
const ADMIN_TOKEN = secret('admin-');
const WRONG_TOKEN = secret('tka_wrong-');
const UNKNOWN_VIRTUAL_KEY = secret('tok_unknown-');

/** Every file under a directory, as bytes (DuckDB files, spool segments, exports). */
function filesUnder(directory: string): { path: string; bytes: Buffer }[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => statSync(path).size > 0)
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/**
 * A run full of failures — upstream 429, 500, 400, a hang past the timeout, broken and garbled
 * streams, unknown keys and tokens, an oversized body — then every place a secret could leak
 * is searched for every secret, whole and for a 16-character piece of it: what the callers
 * got back (bodies and headers), what the server printed, /metrics, a FOCUS export, and every
 * byte under the data directory (the DuckDB file and the spool) and tokenops.yaml.
 */
describe('secret hygiene: no key or token is written anywhere, even when everything fails', () => {
  const cwd = tempDirectory('secret-hygiene');
  const seen: string[] = [];
  let openai: StandIn;
  let anthropic: StandIn;
  let server: Awaited<ReturnType<typeof startServer>>;
  let virtualKey = '';

  const send = async (path: string, init: RequestInit) => {
    const response = await fetch(`${server.url}${path}`, init);
    seen.push(`${path} ${response.status} ${JSON.stringify([...response.headers])}`);
    seen.push(await response.text().catch((error: unknown) => String(error)));
    return response.status;
  };
  const chat = (key: string, scenario: string, stream = false) =>
    send('/openai/v1/chat/completions', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${key}`,
        'x-stand-in-scenario': scenario,
        'x-tokenops-team': 'search',
      },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        stream,
        messages: [{ role: 'user', content: 'hello' }],
      }),
    });
  const message = (scenario: string) =>
    send('/anthropic/v1/messages', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': CALLER_ANTHROPIC_KEY,
        'anthropic-version': '2023-06-01',
        'x-stand-in-scenario': scenario,
      },
      body: JSON.stringify({
        model: 'claude-haiku-4-5',
        max_tokens: 50,
        messages: [{ role: 'user', content: 'hello' }],
      }),
    });

  before(async () => {
    openai = await startStandIn({ kind: 'openai' });
    anthropic = await startStandIn({ kind: 'anthropic' });
    writeFileSync(
      join(cwd, 'tokenops.yaml'),
      [
        'auth:',
        '  adminTokenEnv: TOKENOPS_HYGIENE_ADMIN',
        'gateway:',
        '  upstreamTimeoutMs: 400',
        '  maxRequestBytes: 4096',
        'providers:',
        '  openai:',
        `    baseUrl: ${openai.url}`,
        '    apiKeyEnv: TOKENOPS_HYGIENE_OPENAI',
        '  anthropic:',
        `    baseUrl: ${anthropic.url}`,
        '',
      ].join('\n'),
    );
    virtualKey = runCliJson<{ key: string }>(['keys', 'create', '--team', 'search'], cwd).key;
    process.env.TOKENOPS_HYGIENE_OPENAI = CONFIGURED_KEY;
    process.env.TOKENOPS_HYGIENE_ADMIN = ADMIN_TOKEN;
    server = await startServer([], cwd);
  });

  after(async () => {
    await server?.stop();
    await openai?.close();
    await anthropic?.close();
    delete process.env.TOKENOPS_HYGIENE_OPENAI;
    delete process.env.TOKENOPS_HYGIENE_ADMIN;
  });

  it('answers each failure, and the keys did their work upstream', async () => {
    const statuses: Record<string, number> = {};
    for (const scenario of ['ok', 'error-429', 'error-500', 'error-400', 'hang']) {
      statuses[`virtual ${scenario}`] = await chat(virtualKey, scenario);
      statuses[`caller ${scenario}`] = await chat(CALLER_OPENAI_KEY, scenario);
      statuses[`anthropic ${scenario}`] = await message(scenario);
    }
    for (const scenario of ['broken-stream', 'malformed-line']) {
      statuses[`stream ${scenario}`] = await chat(virtualKey, scenario, true);
    }
    statuses['unknown virtual key'] = await chat(UNKNOWN_VIRTUAL_KEY, 'ok');
    statuses['too large'] = await send('/openai/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${virtualKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ content: 'x'.repeat(8000) }] }),
    });
    for (const token of [WRONG_TOKEN, undefined]) {
      statuses[`api ${token ? 'wrong' : 'no'} token`] = await send('/api/v1/report', {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    }
    statuses.metrics = await send('/metrics', {});
    assert.deepEqual(
      {
        ok: statuses['virtual ok'],
        limited: statuses['virtual error-429'],
        failed: statuses['caller error-500'],
        hung: statuses['anthropic hang'],
        unknown: statuses['unknown virtual key'],
        large: statuses['too large'],
        api: statuses['api wrong token'],
      },
      { ok: 200, limited: 429, failed: 500, hung: 504, unknown: 401, large: 413, api: 401 },
    );
    const sent = [...(openai.requests ?? []), ...(anthropic.requests ?? [])].map((request) =>
      JSON.stringify(request.headers),
    );
    assert.ok(
      sent.some((headers) => headers.includes(CONFIGURED_KEY)),
      'the configured key went up',
    );
    assert.ok(
      sent.some((headers) => headers.includes(CALLER_ANTHROPIC_KEY)),
      "the caller's key went up",
    );
    assert.ok(!sent.some((headers) => headers.includes(virtualKey)), 'a virtual key never goes up');
  });

  it('finds no secret in answers, logs, metrics, exports, the store, the spool or the config', async () => {
    // The store is the server's while it runs: stop it (its spool drains), then export.
    await server.stop();
    seen.push(server.output());
    const exported = runCli(
      ['export', 'focus', '--from', '2000-01-01', '--to', '2100-01-01', '--out', 'focus.csv'],
      cwd,
    );
    assert.equal(exported.status, 0, exported.stderr);
    seen.push(exported.stdout, exported.stderr);
    const places = [
      { path: 'answers, headers and /metrics', bytes: Buffer.from(seen.join('\n')) },
      ...filesUnder(cwd),
    ];
    assert.ok(
      places.some((place) => place.path.endsWith('.duckdb')),
      'the store was searched',
    );
    assert.ok(
      places.some((place) => place.path.endsWith('focus.csv')),
      'the export was searched',
    );
    const secrets = {
      CONFIGURED_KEY,
      CALLER_OPENAI_KEY,
      CALLER_ANTHROPIC_KEY,
      ADMIN_TOKEN,
      WRONG_TOKEN,
      UNKNOWN_VIRTUAL_KEY,
      virtualKey,
    };
    const leaks = places.flatMap(({ path, bytes }) =>
      Object.entries(secrets)
        .filter(([, value]) => bytes.includes(value.slice(-16)))
        .map(([name]) => `${name} in ${path}`),
    );
    assert.deepEqual(leaks, []);
  });
});
