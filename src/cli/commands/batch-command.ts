import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { BatchStatus } from '../../domain/batch.ts';
import { NotFoundError, ValidationError } from '../../domain/errors/index.ts';
import { tagsFromFlat, type Tags } from '../../domain/tags.ts';
import type { BatchClient, BatchRecord, BatchRecords } from '../../optimize/batch/index.ts';
import { batchRecordRow, collectSummaryRow } from '../batch-rows.ts';
import type { CliContext } from '../cli-context.ts';
import { collectOption } from '../collect-option.ts';
import { createFileBatchRecords } from '../file-batch-records.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { startProgress } from '../output/progress.ts';
import { withStore } from '../with-store.ts';

interface WaitFlags {
  wait?: boolean;
  interval: string;
}

interface SubmitFlags extends WaitFlags {
  provider: string;
  team?: string;
  service?: string;
  feature?: string;
  environment?: string;
  customer?: string;
  user?: string;
  tag: string[];
}

const TAG_FLAGS = ['team', 'service', 'feature', 'environment', 'customer', 'user'] as const;

/** `tokenops batch submit|status|collect|list`: requests sent through providers' batch APIs. */
export function registerBatchCommand(program: Command, context: () => CliContext): void {
  const batch = program
    .command('batch')
    .description("send non-urgent requests through a provider's batch API, priced at batch rates");
  const submit = batch
    .command('submit')
    .description('check a JSONL file of requests and send it as one batch; prints its id')
    .argument('<file>', 'JSONL: {custom_id, method, url, body} or {custom_id, params} lines')
    .requiredOption('--provider <provider>', 'openai or anthropic');
  for (const tag of TAG_FLAGS) submit.option(`--${tag} <${tag}>`, `${tag} tag of every result`);
  addWaitOptions(
    submit.option(
      '--tag <key=value>',
      'a free tag of every result (repeatable)',
      collectOption,
      [],
    ),
    'then wait for the batch and collect it',
  ).action(async (file: string, flags: SubmitFlags) => {
    const cli = local(context);
    const tags = readTags(flags);
    const text = await readFile(file, 'utf8');
    const { submitBatch } = await import('../../optimize/batch/index.ts');
    const client = await connect(cli, flags.provider);
    const records = recordsOf(cli);
    const record = await submitBatch(client, records, { file, text, tags, now: new Date() });
    if (flags.wait) {
      await collect(cli, client, records, record, flags);
      return;
    }
    if (cli.format !== 'table') printOne(cli, batchRecordRow(record));
    else {
      process.stdout.write(
        `Submitted batch ${record.id} to ${record.provider}: ${record.requests} requests (${record.providerStatus}).\nCollect its results with: tokenops batch collect ${record.id} --wait\n`,
      );
    }
  });

  batch
    .command('status')
    .description("a batch's progress, read from its provider")
    .argument('<id>', 'the batch id submit printed')
    .action(async (id: string) => {
      const cli = local(context);
      const { recordStatus } = await import('../../optimize/batch/index.ts');
      const records = recordsOf(cli);
      const record = await findRecord(records, id);
      const status = await (await connect(cli, record.provider)).status(id);
      const updated = recordStatus(record, status, new Date());
      await records.save(updated);
      printOne(cli, batchRecordRow(updated));
    });

  addWaitOptions(
    batch
      .command('collect')
      .description('store the results of an ended batch as priced usage events (once each)')
      .argument('<id>', 'the batch id submit printed'),
    'wait for the batch to end first',
  ).action(async (id: string, flags: WaitFlags) => {
    const cli = local(context);
    const records = recordsOf(cli);
    const record = await findRecord(records, id);
    await collect(cli, await connect(cli, record.provider), records, record, flags);
  });

  batch
    .command('list')
    .description('the batches sent from this data directory, newest first (as last checked)')
    .action(async () => {
      const cli = local(context);
      const rows = (await recordsOf(cli).list()).map(batchRecordRow);
      if (cli.format === 'table' && rows.length === 0) {
        process.stdout.write(
          'no batches yet: send one with tokenops batch submit FILE --provider P\n',
        );
      } else {
        printRows(cli.format, rows);
      }
    });
}

/** Batches are recorded in the data directory and collected into its store: never remotely. */
function local(context: () => CliContext): CliContext {
  const cli = context();
  if (cli.server) {
    throw new ValidationError(
      'invalid option',
      [{ field: 'server', reason: 'tokenops batch works on the local data directory only' }],
      'drop --server (and stop tokenops start while collecting, as it holds the store)',
    );
  }
  return cli;
}

function addWaitOptions(command: Command, waitHelp: string): Command {
  return command
    .option('--wait', waitHelp)
    .option('--interval <seconds>', 'seconds between polls while waiting', '30');
}

async function collect(
  cli: CliContext,
  client: BatchClient,
  records: BatchRecords,
  record: BatchRecord,
  flags: WaitFlags,
): Promise<void> {
  const { collectBatch } = await import('../../optimize/batch/index.ts');
  const status = flags.wait ? await waitWithProgress(client, record, flags.interval) : undefined;
  const pricer = await cli.pricer();
  const summary = await withStore(cli, (store) =>
    collectBatch({ client, records, store, pricer, now: () => new Date() }, record, status),
  );
  const row = collectSummaryRow(summary);
  if (cli.format !== 'table') {
    printOne(cli, row);
    return;
  }
  const { outcomes } = summary;
  const cost = summary.cost === null ? 'unknown (a model has no price)' : formatMoney(summary.cost);
  process.stdout.write(
    `Collected batch ${summary.id}: ${outcomes.succeeded} succeeded, ${outcomes.errored} errored, ${outcomes.canceled} canceled, ${outcomes.expired} expired; ${summary.inserted} events stored (${summary.duplicates} already stored), cost at batch rates ${cost}.\n`,
  );
}

async function waitWithProgress(
  client: BatchClient,
  record: BatchRecord,
  interval: string,
): Promise<BatchStatus> {
  const { waitForBatch } = await import('../../optimize/batch/index.ts');
  const progress = startProgress(`batch ${record.id}`, record.requests, 'requests');
  let shown = 0;
  try {
    return await waitForBatch(client, record.id, {
      intervalMs: seconds(interval) * 1000,
      sleep: (ms) => sleep(ms),
      onStatus(status) {
        progress.increment(Math.max(0, status.done - shown));
        shown = Math.max(shown, status.done);
      },
    });
  } finally {
    progress.stop();
  }
}

/** Loaded on use: it builds the provider registry, which `tokenops --help` does not need. */
async function connect(cli: CliContext, provider: string): Promise<BatchClient> {
  const { connectBatchClient } = await import('../connect-batch-client.ts');
  return connectBatchClient(cli, provider);
}

function recordsOf(cli: CliContext): BatchRecords {
  return createFileBatchRecords(join(cli.dataDir, 'batches'));
}

async function findRecord(records: BatchRecords, id: string): Promise<BatchRecord> {
  const record = await records.find(id);
  if (record) return record;
  throw new NotFoundError(
    `no batch ${id} was submitted from this data directory`,
    'tokenops batch list shows the batches sent from here (check --data)',
  );
}

function readTags(flags: SubmitFlags): Tags {
  const pairs: [string, string][] = [];
  for (const tag of TAG_FLAGS) {
    const value = flags[tag];
    if (value !== undefined) pairs.push([tag, value]);
  }
  for (const pair of flags.tag) {
    const [key, value] = pair.split('=', 2);
    if (!key || !value) {
      throw new ValidationError(
        'invalid option',
        [{ field: 'tag', reason: `"${pair}" is not key=value` }],
        'pass --tag region=eu, for instance',
      );
    }
    pairs.push([key, value]);
  }
  return tagsFromFlat(pairs);
}

function seconds(text: string): number {
  const value = Number(text);
  if (Number.isFinite(value) && value >= 0) return value;
  throw new ValidationError(
    'invalid option',
    [{ field: 'interval', reason: `"${text}" is not a number of seconds` }],
    'pass --interval 30, for instance',
  );
}

/** One object: JSON as an object (not a one-row array), tables and CSV as a row. */
function printOne(cli: CliContext, row: Record<string, string | number | null>): void {
  if (cli.format === 'json') process.stdout.write(`${JSON.stringify(row, null, 2)}\n`);
  else printRows(cli.format, [row]);
}
