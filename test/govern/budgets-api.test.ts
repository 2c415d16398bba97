import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Agent, fetch as undiciFetch } from 'undici';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { BudgetStatus } from '../../src/govern/index.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('budgets-api');
let standIn: StandIn;
let server: { url: string; stop: () => Promise<void> };

before(async () => {
  standIn = await startStandIn({ kind: 'openai' });
  const config = join(directory, 'tokenops.yaml');
  writeFileSync(
    config,
    [
      `providers: { openai: { baseUrl: "${standIn.url}" } }`,
      'budgets:',
      '  - { name: search-month, scope: { team: search }, period: month, limitUsd: 10 }',
    ].join('\n'),
  );
  server = await startServer(['--config', config, '--data', join(directory, 'data')], directory);
});

after(async () => {
  await fresh.close();
  await server.stop();
  await standIn.close();
});

// The CLI runs synchronously between calls, blocking this process's timers: a kept-alive
// socket the server closed meanwhile would be reused before the client noticed.
const fresh = new Agent({ pipelining: 0 });

const chat = (team: string) =>
  undiciFetch(`${server.url}/openai/v1/chat/completions`, {
    dispatcher: fresh,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tokenops-team': team },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
  });

test('budgets shows spend and share used from every door', async () => {
  const now = new Date().toISOString();
  const events = [1.25, 2.5, 0.75].map((cost, index) => ({
    id: `budget-event-${index}`,
    timestamp: now,
    provider: 'openai',
    model: 'gpt-4o-mini',
    input_tokens: 10,
    output_tokens: 5,
    tags: { team: index < 2 ? 'search' : 'web' },
    cost,
  }));
  const posted = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
  assert.equal(posted.status, 200);
  const [row] = runCliJson<BudgetStatus[]>(['--server', server.url, 'budgets'], directory);
  assert.equal(row?.name, 'search-month');
  assert.deepEqual(row?.scope, { team: 'search' });
  assert.equal(row?.spent_usd, 3.75); // 1.25 + 2.50; the web event is not in scope
  assert.equal(row?.share_used, 0.375);
  const month = new Date();
  assert.equal(
    row?.resets_at,
    new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1)).toISOString(),
  );
  const table = runCli(['--server', server.url, 'budgets'], directory);
  assert.match(table.stdout, /search-month.*team=search.*\$3\.75.*\$10\.00.*37\.5 %/);
});

test('a budget set through the API applies to the next gateway call, and can be deleted', async () => {
  assert.equal((await chat('web')).status, 200);
  const set = runCliJson<{ name: string; status: string }[]>(
    [
      '--server',
      server.url,
      'budgets',
      'set',
      'web-day',
      '--limit',
      '0.000001',
      '--period',
      'day',
      '--scope',
      'team=web',
      '--hard',
    ],
    directory,
  );
  assert.deepEqual(set, [{ name: 'web-day', status: 'created' }]);
  const refused = await chat('web');
  assert.equal(refused.status, 429);
  const body = (await refused.json()) as { error: { budget: string } };
  assert.equal(body.error.budget, 'web-day');

  const listed = runCliJson<BudgetStatus[]>(['--server', server.url, 'budgets'], directory);
  assert.deepEqual(
    listed.map((budget) => [budget.name, budget.hard]),
    [
      ['search-month', false],
      ['web-day', true],
    ],
  );
  runCliJson(['--server', server.url, 'budgets', 'delete', 'web-day'], directory);
  assert.equal((await chat('web')).status, 200);
});

test('a tokenops.yaml budget cannot be changed through the API; bad budgets name the field', async () => {
  const deleted = runCli(['--server', server.url, 'budgets', 'delete', 'search-month'], directory);
  assert.equal(deleted.status, 1);
  assert.match(deleted.stderr, /409: budget "search-month" is defined in tokenops\.yaml/);

  const invalid = await undiciFetch(`${server.url}/api/v1/budgets`, {
    dispatcher: fresh,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'x', period: 'year', limitUsd: -1 }),
  });
  assert.equal(invalid.status, 400);
  const text = await invalid.text();
  assert.match(text, /period/);
  assert.match(text, /limitUsd/);

  const missing = await undiciFetch(`${server.url}/api/v1/budgets/nope`, {
    dispatcher: fresh,
    method: 'DELETE',
  });
  assert.equal(missing.status, 404);
});
