import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadConfig, parseConfigText } from '../../../src/config/index.ts';
import { ConfigError } from '../../../src/domain/errors/index.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { tempDirectory } from '../../helpers/temp-directory.ts';
import { SeededFuzz, fuzzCase } from '../seeded-fuzz.ts';
import { snapshotStore } from '../store-snapshot.ts';
import { validEvent } from './event-mutations.ts';
import { corruptYaml, VALID_CONFIG } from './corrupt-yaml.ts';

/** The refusal as `message | fix`; anything but a ConfigError fails the test. */
function refusal(read: () => unknown): string | undefined {
  try {
    read();
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ConfigError, `not a clear refusal: ${String(error)}`);
    return `${error.message} | ${error.fix}`;
  }
}

describe('tokenops.yaml that is wrong', () => {
  const cwd = tempDirectory('trust-config');

  it('starts from a config that is valid', () => {
    assert.equal(
      refusal(() => parseConfigText(VALID_CONFIG, 'tokenops.yaml')),
      undefined,
    );
  });

  it('names the line, the key and the fix for each usual mistake', () => {
    const cases: [string, string, RegExp][] = [
      [
        'a missing colon',
        'store:\n  url duckdb:x\ntags: {',
        /^tokenops\.yaml:\d+: .* \| fix the YAML syntax/,
      ],
      [
        'a duration with a unit',
        'gateway:\n  upstreamTimeoutMs: 10s\n',
        /^tokenops\.yaml:2: gateway\.upstreamTimeoutMs must be a number, not the text "10s" \| write gateway\.upstreamTimeoutMs as a number of milliseconds/,
      ],
      [
        'a typo in a key',
        'budgetz: []\n',
        /^tokenops\.yaml:1: unknown key "budgetz" \| did you mean "budgets"\?/,
      ],
      [
        'a typo in a nested key',
        'cache:\n  exact:\n    ttlSecond: 60\n',
        /^tokenops\.yaml:3: unknown key "ttlSecond" \| did you mean "ttlSeconds"\? Keys allowed under cache\.exact: /,
      ],
      [
        'an ftp upstream',
        'providers:\n  openai:\n    baseUrl: ftp://example.com\n',
        /^tokenops\.yaml:3: providers\.openai\.baseUrl must be an http\(s\) URL/,
      ],
      [
        'a script as alert URL',
        'alerts:\n  - kind: slack\n    url: javascript:alert(1)\n',
        /^tokenops\.yaml:3: alerts\.0\.url must be the http\(s\) URL/,
      ],
      [
        'a bad Redis URL',
        'redis:\n  url: localhost:6379\n',
        /^tokenops\.yaml:2: redis\.url must be redis:\/\/HOST:PORT/,
      ],
      [
        'a bad period',
        'budgets:\n  - name: b\n    period: yearly\n    limitUsd: 5\n',
        /^tokenops\.yaml:3: budgets\.0\.period must be one of day, week, month, not the text "yearly" \| use one of day, week, month/,
      ],
      [
        'a missing key',
        'budgets:\n  - name: b\n    limitUsd: 5\n',
        /^tokenops\.yaml:2: budgets\.0\.period is missing \| add period: with one of day, week, month/,
      ],
      [
        'an alias before its anchor',
        'store:\n  url: *nowhere\n',
        /^tokenops\.yaml: .*alias.* \| define each &anchor before its \*alias/,
      ],
      [
        'a billion laughs',
        `a: &a [x, x]\n${'bcdefghij'
          .split('')
          .map((key, index) => `${key}: &${key} [${`*${'abcdefghij'[index]}, `.repeat(9)}x]`)
          .join('\n')}\n`,
        /^tokenops\.yaml: .*(alias|resource)/i,
      ],
      [
        'two documents',
        'tags:\n  untagged: accept\n---\ntags: {}\n',
        /^tokenops\.yaml:3: a second YAML document starts here \| keep one document/,
      ],
      [
        'a list at the top',
        '- store\n- tags\n',
        /^tokenops\.yaml: the file must be a map of top-level keys, not a list/,
      ],
      [
        'a pasted key',
        'providers:\n  openai:\n    apiKeyEnv: sk-proj-abcdefghijklmnopqrstuvwxyz0123456789\n',
        /apiKeyEnv must be an environment variable name/,
      ],
    ];
    for (const [name, text, pattern] of cases) {
      const message = refusal(() => parseConfigText(text, 'tokenops.yaml'));
      assert.match(message ?? '(accepted)', pattern, name);
      assert.doesNotMatch(message ?? '', /\n|sk-proj/, `${name}: one line, no secret repeated`);
    }
  });

  it('refuses a file that is not UTF-8, a directory and a missing file', () => {
    writeFileSync(
      join(cwd, 'latin1.yaml'),
      Buffer.from('tags:\n  untagged: acc\xe9pt\n', 'latin1'),
    );
    mkdirSync(join(cwd, 'folder.yaml'));
    for (const [file, pattern] of [
      ['latin1.yaml', /latin1\.yaml is not UTF-8 text/],
      ['folder.yaml', /cannot read folder\.yaml \(EISDIR\)/],
      ['nowhere.yaml', /config file nowhere\.yaml not found/],
    ] as const) {
      assert.match(refusal(() => loadConfig(file, cwd)) ?? '(accepted)', pattern);
    }
  });

  it('answers seeded corruptions with a config or a one-line refusal', () => {
    const fuzz = new SeededFuzz(5);
    for (let round = 0; round < 300; round += 1) {
      const label = fuzzCase('tokenops.yaml', round);
      const message = refusal(() => parseConfigText(corruptYaml(fuzz, VALID_CONFIG), 'x.yaml'));
      if (message === undefined) continue;
      assert.match(message, /^x\.yaml(:\d+)?: [^\n]+ \| [^\n]+$/, label);
    }
  });

  describe('read by a command', () => {
    let before_: Awaited<ReturnType<typeof snapshotStore>>;
    const database = join(cwd, '.tokenops', 'tokenops.duckdb');

    before(async () => {
      const fuzz = new SeededFuzz(6);
      const events = [validEvent(fuzz, 'config-a'), validEvent(fuzz, 'config-b')];
      writeFileSync(
        join(cwd, 'events.ndjson'),
        events.map((item) => JSON.stringify(item)).join('\n'),
      );
      writeFileSync(join(cwd, 'more.ndjson'), JSON.stringify(validEvent(fuzz, 'config-c')));
      assert.equal(runCli(['ingest', 'events.ndjson', '--format', 'events'], cwd).status, 0);
      before_ = await snapshotStore(database);
      writeFileSync(join(cwd, 'tokenops.yaml'), 'gateway:\n  flushIntervalMs: soon\n');
    });

    it('exits 1 with one line and leaves the store untouched', async () => {
      for (const args of [
        ['ingest', 'more.ndjson', '--format', 'events'],
        ['start', '--port', '0'],
      ]) {
        const result = runCli(args, cwd);
        assert.equal(result.status, 1, args[0]);
        assert.equal(
          result.stderr,
          'tokenops: tokenops.yaml:2: gateway.flushIntervalMs must be a number, not the text "soon". Fix: write gateway.flushIntervalMs as a number of milliseconds, e.g. 10000 for 10 s\n',
        );
        assert.doesNotMatch(result.stdout, /listening/);
      }
      assert.deepEqual(await snapshotStore(database), before_);
    });
  });
});
