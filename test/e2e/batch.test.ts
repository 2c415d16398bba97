import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { runCliAsync, type CliResult } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const KEY_ENV = 'TOKENOPS_TEST_BATCH_KEY';
const ENV = { [KEY_ENV]: 'sk-batch-test' };

/** Every stand-in line reports 1,000 input and 200 output tokens, no cache. */
const OPENAI_USAGE = { prompt_tokens: 1000, completion_tokens: 200, cached_tokens: 0 };
const ANTHROPIC_USAGE = { input_tokens: 1000, output_tokens: 200 };

function writeConfig(cwd: string, openai: StandIn, anthropic: StandIn): void {
  writeFileSync(
    join(cwd, 'tokenops.yaml'),
    [
      'providers:',
      '  openai:',
      `    baseUrl: ${openai.url}`,
      `    apiKeyEnv: ${KEY_ENV}`,
      '  anthropic:',
      `    baseUrl: ${anthropic.url}`,
      `    apiKeyEnv: ${KEY_ENV}`,
      '',
    ].join('\n'),
  );
}

function jsonl(lines: readonly unknown[]): string {
  return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
}

const chat = (customId: string, model: string, body: object = {}) => ({
  custom_id: customId,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model, messages: [{ role: 'user', content: 'Summarise the ticket' }], ...body },
});

const messages = { messages: [{ role: 'user', content: 'Classify the review' }], max_tokens: 64 };

function run(
  cwd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = ENV,
): Promise<CliResult> {
  return runCliAsync(args, cwd, env);
}

async function runJson<T>(cwd: string, args: readonly string[]): Promise<T> {
  const result = await run(cwd, [...args, '--format', 'json']);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as T;
}

function assertOneLineError(result: CliResult, pattern: RegExp): void {
  assert.equal(result.status, 1, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line expected, got: ${result.stderr}`);
  assert.match(lines[0] ?? '', pattern);
  assert.match(lines[0] ?? '', /Fix: /);
}

async function storedEvents(cwd: string, batchId: string): Promise<PricedUsageEvent[]> {
  const store = await DuckDbStore.open(join(cwd, '.tokenops', 'tokenops.duckdb'));
  try {
    const events: PricedUsageEvent[] = [];
    for await (const batch of store.eventsBetween(0, Date.now() + 86_400_000, 1000)) {
      events.push(...batch.filter((event) => event.tags.extra?.batch === batchId));
    }
    return events.sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    await store.close();
  }
}

interface Collected {
  id: string;
  results: number;
  succeeded: number;
  errored: number;
  inserted: number;
  duplicates: number;
  cost: number;
}

describe("tokenops batch, through the providers' batch APIs (stand-ins)", () => {
  const cwd = tempDirectory('batch');
  let openai: StandIn;
  let anthropic: StandIn;

  before(async () => {
    openai = await startStandIn({ kind: 'openai', usage: OPENAI_USAGE });
    anthropic = await startStandIn({ kind: 'anthropic', usage: ANTHROPIC_USAGE, batchPolls: 2 });
    writeConfig(cwd, openai, anthropic);
  });
  after(async () => {
    await openai.close();
    await anthropic.close();
  });

  it('submits to OpenAI, collects at batch rates, and a second collect stores nothing', async () => {
    writeFileSync(
      join(cwd, 'openai.jsonl'),
      jsonl([
        chat('ticket-1', 'gpt-4o-mini'),
        chat('ticket-2', 'gpt-4o-mini'),
        chat('ticket-3', 'gpt-4o'),
        // No messages: the endpoint answers 400, so the line comes back in the error file.
        { ...chat('ticket-4', 'gpt-4o-mini'), body: { model: 'gpt-4o-mini' } },
      ]),
    );
    const submitted = await runJson<{ id: string; requests: number; provider: string }>(cwd, [
      'batch',
      'submit',
      'openai.jsonl',
      '--provider',
      'openai',
      '--team',
      'support',
      '--feature',
      'nightly-summaries',
    ]);
    assert.equal(submitted.requests, 4);
    const upload = openai.requests.find((request) => request.path === '/v1/files');
    assert.equal(upload?.headers.authorization, 'Bearer sk-batch-test');
    assert.match(upload?.body ?? '', /name="purpose"\r\n\r\nbatch/);

    const collected = await runJson<Collected>(cwd, ['batch', 'collect', submitted.id]);
    // Batch rates are half of standard: gpt-4o-mini $0.075/M input and $0.30/M output,
    // gpt-4o $1.25/M and $5/M (tokenops prices cost --tier batch).
    //   gpt-4o-mini: 1,000 × 0.075e-6 + 200 × 0.30e-6 = 0.000075 + 0.00006 = 0.000135, twice
    //   gpt-4o:      1,000 × 1.25e-6  + 200 × 5e-6    = 0.00125  + 0.001   = 0.00225
    //   the errored line bills nothing: total 0.00027 + 0.00225 = 0.00252
    assert.deepEqual(
      { ...collected, cost: Number(collected.cost.toFixed(12)) },
      {
        ...collected,
        results: 4,
        succeeded: 3,
        errored: 1,
        inserted: 4,
        duplicates: 0,
        cost: 0.00252,
      },
    );
    const events = await storedEvents(cwd, submitted.id);
    const shared = {
      tier: 'batch',
      source: 'batch',
      team: 'support',
      feature: 'nightly-summaries',
    };
    assert.deepEqual(
      events.map((event) => ({
        model: event.model,
        status: event.status,
        errorKind: event.errorKind,
        input: event.tokens.input,
        output: event.tokens.output,
        cost: event.pricing.effective?.total,
        tier: event.serviceTier,
        source: event.source,
        team: event.tags.team,
        feature: event.tags.feature,
      })),
      [
        {
          model: 'gpt-4o-mini',
          status: 'ok',
          errorKind: undefined,
          input: 1000,
          output: 200,
          cost: 0.000135,
        },
        {
          model: 'gpt-4o-mini',
          status: 'ok',
          errorKind: undefined,
          input: 1000,
          output: 200,
          cost: 0.000135,
        },
        {
          model: 'gpt-4o',
          status: 'ok',
          errorKind: undefined,
          input: 1000,
          output: 200,
          cost: 0.00225,
        },
        {
          model: 'gpt-4o-mini',
          status: 'error',
          errorKind: 'invalid_request',
          input: 0,
          output: 0,
          cost: 0,
        },
      ].map((expected) => ({ ...expected, ...shared })),
    );

    const again = await runJson<Collected>(cwd, ['batch', 'collect', submitted.id]);
    assert.equal(again.inserted, 0);
    assert.equal(again.duplicates, 4);
    assert.equal((await storedEvents(cwd, submitted.id)).length, 4);
  });

  it('accepts both line shapes for Anthropic and waits with --wait', async () => {
    writeFileSync(
      join(cwd, 'anthropic.jsonl'),
      jsonl([
        { custom_id: 'review-1', params: { model: 'claude-haiku-4-5', ...messages } },
        { custom_id: 'review-2', params: { model: 'claude-haiku-4-5', ...messages } },
        {
          custom_id: 'review-3',
          method: 'POST',
          url: '/v1/messages',
          body: { model: 'claude-sonnet-4-5', ...messages },
        },
        // No max_tokens: the Messages API refuses it, so its result is errored.
        {
          custom_id: 'review-4',
          params: { model: 'claude-haiku-4-5', messages: messages.messages },
        },
      ]),
    );
    const collected = await runJson<Collected>(cwd, [
      'batch',
      'submit',
      'anthropic.jsonl',
      '--provider',
      'anthropic',
      '--team',
      'growth',
      '--wait',
      '--interval',
      '0',
    ]);
    // The stand-in answered two polls "in progress" before the third found the batch ended.
    const polls = anthropic.requests.filter((request) =>
      /^\/v1\/messages\/batches\/[^/]+$/.test(request.path),
    );
    assert.equal(polls.length, 3);
    assert.equal(polls[0]?.headers['x-api-key'], 'sk-batch-test');
    assert.equal(polls[0]?.headers['anthropic-version'], '2023-06-01');
    // Batch rates: claude-haiku-4-5 $0.50/M input, $2.50/M output; claude-sonnet-4-5 $1.50/M
    // and $7.50/M (half of $1/$5 and $3/$15).
    //   haiku:  1,000 × 0.5e-6 + 200 × 2.5e-6 = 0.0005 + 0.0005 = 0.001, twice
    //   sonnet: 1,000 × 1.5e-6 + 200 × 7.5e-6 = 0.0015 + 0.0015 = 0.003
    //   total 0.002 + 0.003 = 0.005
    assert.deepEqual(
      { ...collected, cost: Number(collected.cost.toFixed(12)) },
      {
        ...collected,
        results: 4,
        succeeded: 3,
        errored: 1,
        inserted: 4,
        duplicates: 0,
        cost: 0.005,
      },
    );
    const events = await storedEvents(cwd, collected.id);
    const errored = events.filter((event) => event.status === 'error');
    assert.deepEqual(
      errored.map((event) => [event.model, event.errorKind, event.tags.team]),
      [['claude-haiku-4-5', 'invalid_request', 'growth']],
    );
    assert.deepEqual(
      events
        .filter((event) => event.status === 'ok')
        .map((event) => [event.model, event.tokens.input, event.pricing.effective?.total]),
      [
        ['claude-haiku-4-5', 1000, 0.001],
        ['claude-haiku-4-5', 1000, 0.001],
        ['claude-sonnet-4-5', 1000, 0.003],
      ],
    );

    const listed = await runJson<
      { id: string; provider: string; state: string; collected_at: string | null }[]
    >(cwd, ['batch', 'list']);
    assert.ok(
      listed.some((row) => row.id === collected.id && row.state === 'ended' && row.collected_at),
    );
    assert.ok(listed.some((row) => row.provider === 'openai' && row.collected_at));
  });

  it('says a batch that has not finished needs --wait or more time', async () => {
    const slow = await startStandIn({ kind: 'anthropic', usage: ANTHROPIC_USAGE, batchPolls: 5 });
    const directory = tempDirectory('batch-slow');
    try {
      writeConfig(directory, openai, slow);
      writeFileSync(
        join(directory, 'one.jsonl'),
        jsonl([{ custom_id: 'only', params: { model: 'claude-haiku-4-5', ...messages } }]),
      );
      const submitted = await runJson<{ id: string }>(directory, [
        'batch',
        'submit',
        'one.jsonl',
        '--provider',
        'anthropic',
      ]);
      const status = await runJson<{ state: string; provider_status: string }>(directory, [
        'batch',
        'status',
        submitted.id,
      ]);
      assert.deepEqual([status.state, status.provider_status], ['in_progress', 'in_progress']);
      assertOneLineError(
        await run(directory, ['batch', 'collect', submitted.id]),
        /has not finished \(in_progress, 0 of 1 done\).*batch collect msgbatch_\w+ --wait, or again later/,
      );
    } finally {
      await slow.close();
    }
  });

  it('refuses bad input with one actionable line, before anything is sent', async () => {
    writeFileSync(
      join(cwd, 'broken.jsonl'),
      `${JSON.stringify(chat('a', 'gpt-4o-mini'))}\n{"custom_id": "b",\n`,
    );
    writeFileSync(join(cwd, 'twice.jsonl'), jsonl([chat('a', 'gpt-4o-mini'), chat('a', 'gpt-4o')]));
    writeFileSync(
      join(cwd, 'no-model.jsonl'),
      jsonl([{ custom_id: 'a', params: { messages: [] } }]),
    );
    writeFileSync(
      join(cwd, 'spaces.jsonl'),
      jsonl([{ custom_id: 'has space', params: { model: 'claude-haiku-4-5', ...messages } }]),
    );
    const sentBefore = openai.requests.length + anthropic.requests.length;
    const cases: [string[], RegExp][] = [
      [
        ['batch', 'submit', 'openai.jsonl', '--provider', 'gemini'],
        /"gemini" has no batch API.*--provider openai or anthropic/,
      ],
      [
        ['batch', 'submit', 'missing.jsonl', '--provider', 'openai'],
        /missing\.jsonl: no such file or directory/,
      ],
      [
        ['batch', 'submit', 'broken.jsonl', '--provider', 'openai'],
        /invalid batch file broken\.jsonl: line 2 is not JSON/,
      ],
      [
        ['batch', 'submit', 'twice.jsonl', '--provider', 'openai'],
        /line 2 repeats custom_id "a" of line 1/,
      ],
      [['batch', 'submit', 'no-model.jsonl', '--provider', 'anthropic'], /line 1 names no model/],
      [
        ['batch', 'submit', 'spaces.jsonl', '--provider', 'anthropic'],
        /for anthropic: line 1 custom_id "has space" must be 1 to 64 letters/,
      ],
      [
        ['batch', 'collect', 'batch_unknown'],
        /no batch batch_unknown was submitted.*tokenops batch list/,
      ],
    ];
    for (const [args, pattern] of cases) assertOneLineError(await run(cwd, args), pattern);
    assertOneLineError(
      await run(cwd, ['batch', 'submit', 'openai.jsonl', '--provider', 'openai'], {}),
      new RegExp(`the variable ${KEY_ENV} \\(providers\\.openai\\.apiKeyEnv\\) is empty`),
    );
    assert.equal(openai.requests.length + anthropic.requests.length, sentBefore);
  });

  it("passes on the provider's own message when it refuses a call", async () => {
    const directory = tempDirectory('batch-refused');
    const first = await startStandIn({ kind: 'openai', usage: OPENAI_USAGE });
    writeConfig(directory, first, anthropic);
    writeFileSync(join(directory, 'one.jsonl'), jsonl([chat('only', 'gpt-4o-mini')]));
    const submitted = await runJson<{ id: string }>(directory, [
      'batch',
      'submit',
      'one.jsonl',
      '--provider',
      'openai',
    ]);
    await first.close();
    // Another upstream (say, another organisation's key) does not know the batch.
    const other = await startStandIn({ kind: 'openai' });
    try {
      writeConfig(directory, other, anthropic);
      assertOneLineError(
        await run(directory, ['batch', 'status', submitted.id]),
        /openai answered 404 to the status request: No batch found with id 'batch_standin\d+'.*Fix: check the batch id/,
      );
    } finally {
      await other.close();
    }
  });
});
