import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.ts';

// Each test file runs in its own process, so nothing else has loaded DuckDB here.
it('answers --version and --help without loading DuckDB or the Redis client', async () => {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  try {
    assert.equal(await main(['--version']), 0);
    assert.equal(await main(['report', '--help']), 0);
  } finally {
    process.stdout.write = write;
  }
  // DuckDB's binding is CommonJS, so loading it would leave it in the require cache.
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  assert.ok(!loaded.some((path) => path.includes('@duckdb')), 'DuckDB was loaded');
  assert.ok(!loaded.some((path) => path.includes('ioredis')), 'the Redis client was loaded');
});

it('the bundle in dist/ keeps them lazy too: --help loads neither', () => {
  const root = join(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'ensure-cli-built.js'), '--quiet']);
  // A process of its own that runs the bundle, then lists what it loaded.
  const probe = [
    `const { main } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'tokenops.js')).href)});`,
    `const write = process.stdout.write.bind(process.stdout);`,
    `process.stdout.write = () => true;`,
    `await main(['report', '--help']);`,
    `process.stdout.write = write;`,
    `const { createRequire } = await import('node:module');`,
    `console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`,
  ].join('\n');
  const loaded = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }),
  ) as string[];
  assert.ok(loaded.length > 0, 'the probe lists CommonJS modules it loaded');
  assert.ok(!loaded.some((path) => path.includes('@duckdb')), 'DuckDB was loaded');
  assert.ok(!loaded.some((path) => path.includes('ioredis')), 'the Redis client was loaded');
});
