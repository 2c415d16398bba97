import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors/index.ts';
import type { CliContext } from '../cli-context.ts';
import { fetchApi } from '../fetch-api.ts';
import { startProgress } from '../output/progress.ts';
import { printRows } from '../output/print-rows.ts';
import { readEventFile } from '../read-event-file.ts';
import { ingestOtlpFile } from '../ingest-otlp-file.ts';
import { withStore } from '../with-store.ts';

const LINES_PER_BATCH = 50_000;

interface Totals {
  accepted: number;
  duplicates: number;
  refused: number;
  firstRefusals: string[];
}

export function registerIngestCommand(program: Command, context: () => CliContext): void {
  program
    .command('ingest')
    .description(
      'load usage events from a file (JSON array or NDJSON, .gz too), idempotent by event id',
    )
    .argument('<file>', 'the events file')
    .requiredOption(
      '--format <format>',
      'events (the usage event of docs/api.md) or otlp (an OTLP JSON trace export)',
    )
    .action(async (file: string, flags: { format: string }) => {
      const cli = context();
      if (flags.format === 'otlp') {
        await ingestOtlp(cli, file);
        return;
      }
      if (flags.format !== 'events') {
        throw new ValidationError(
          'invalid option',
          [{ field: 'format', reason: `"${flags.format}" is not a format ingest reads` }],
          'use --format events (usage events) or --format otlp (an OTLP JSON trace export)',
        );
      }
      const progress = startProgress('ingest', statSync(file).size, 'bytes');
      const totals: Totals = { accepted: 0, duplicates: 0, refused: 0, firstRefusals: [] };
      let offset = 0;
      const send = cli.server ? (body: Buffer) => postBatch(cli, body) : undefined;
      const ingestLocal = async (batches: AsyncIterable<{ body: Buffer; bytes: number }>) => {
        const { ingestEvents, readEventBatch } = await import('../../ingest/index.ts');
        const { buildProviderRegistry } = await import('../build-pricer.ts');
        const pricer = await cli.pricer();
        const providers = buildProviderRegistry(cli.config.config).names();
        await withStore(cli, async (store) => {
          for await (const { body, bytes } of batches) {
            const batch = readEventBatch(body, { knownProviders: providers, defaultSource: 'api' });
            const result = await ingestEvents(store, pricer, batch.events);
            count(totals, result, batch.refused, offset);
            offset += batch.events.length + batch.refused.length;
            progress.increment(bytes);
          }
        });
      };
      const batches = readEventFile(file, LINES_PER_BATCH);
      if (send) {
        for await (const { body, bytes } of batches) {
          const result = await send(body);
          count(totals, result, result.refused, offset);
          offset += result.accepted + result.duplicates + result.refused.length;
          progress.increment(bytes);
        }
      } else {
        await ingestLocal(batches);
      }
      progress.stop();
      const summary = {
        file,
        accepted: totals.accepted,
        duplicates: totals.duplicates,
        refused: totals.refused,
      };
      if (cli.format !== 'table') {
        printRows(cli.format, [summary]);
      } else {
        process.stdout.write(
          `Ingested ${totals.accepted.toLocaleString('en-US')} events from ${file} (${totals.duplicates.toLocaleString('en-US')} already stored, ${totals.refused.toLocaleString('en-US')} refused).\n`,
        );
        for (const line of totals.firstRefusals) process.stdout.write(`  refused ${line}\n`);
      }
      if (totals.refused > 0 && totals.accepted + totals.duplicates === 0) process.exitCode = 1;
    });
}

type Refusal = { index: number; issues: { field: string; reason: string }[] };

function count(
  totals: Totals,
  result: { accepted: number; duplicates: number },
  refused: readonly Refusal[],
  offset: number,
): void {
  totals.accepted += result.accepted;
  totals.duplicates += result.duplicates;
  totals.refused += refused.length;
  for (const item of refused) {
    if (totals.firstRefusals.length >= 10) break;
    const issue = item.issues[0];
    totals.firstRefusals.push(
      `event ${offset + item.index}: ${issue ? `${issue.field} ${issue.reason}` : 'invalid'}`,
    );
  }
}

async function postBatch(
  cli: CliContext,
  body: Buffer,
): Promise<{ accepted: number; duplicates: number; refused: Refusal[] }> {
  return fetchApi(cli.server ?? '', '/api/v1/events', cli.apiToken(), {
    method: 'POST',
    body,
    contentType: 'application/x-ndjson',
  });
}

async function ingestOtlp(cli: CliContext, file: string): Promise<void> {
  const result = await ingestOtlpFile(cli, file);
  const { firstRefusals, ...counts } = result;
  if (cli.format !== 'table') {
    printRows(cli.format, [{ file, ...counts }]);
  } else {
    process.stdout.write(
      `Ingested ${result.accepted.toLocaleString('en-US')} model calls from ${file} (${result.duplicates.toLocaleString('en-US')} already stored, ${result.skipped.toLocaleString('en-US')} other spans skipped, ${result.refused.toLocaleString('en-US')} refused).\n`,
    );
    for (const line of firstRefusals) process.stdout.write(`  refused ${line}\n`);
  }
  if (result.refused > 0 && result.accepted + result.duplicates === 0) process.exitCode = 1;
}
