import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { ValidationError } from '../domain/errors/index.ts';
import type { CliContext } from './cli-context.ts';
import { withStore } from './with-store.ts';

export interface OtlpFileResult {
  accepted: number;
  duplicates: number;
  /** Spans that are not model calls (tools, agents…). */
  skipped: number;
  refused: number;
  /** The first reasons, for the summary. */
  firstRefusals: string[];
}

/**
 * An OTLP JSON trace export file (an ExportTraceServiceRequest, as a collector's file exporter
 * or an exporter's debug output writes it; `.gz` too) priced and stored like /v1/traces does.
 */
export async function ingestOtlpFile(cli: CliContext, file: string): Promise<OtlpFileResult> {
  if (cli.server) {
    throw new ValidationError(
      'invalid option',
      [{ field: 'server', reason: 'OTLP files are ingested locally only' }],
      'drop --server, or point the exporter (or curl) at <server>/v1/traces',
    );
  }
  const raw = await readFile(file);
  const body = file.endsWith('.gz') ? gunzipSync(raw) : raw;
  const { ingestEvents, readOtlpTraces } = await import('../ingest/index.ts');
  const { buildProviderRegistry } = await import('./build-pricer.ts');
  const batch = readOtlpTraces(body, 'json', {
    knownProviders: buildProviderRegistry(cli.config.config).names(),
    tagAttributes: cli.config.config.otlp.tagAttributes,
  });
  const pricer = await cli.pricer();
  const result = await withStore(cli, (store) => ingestEvents(store, pricer, batch.events));
  return {
    ...result,
    skipped: batch.skipped,
    refused: batch.rejected.length,
    firstRefusals: batch.rejected.slice(0, 10).map((item) => `${item.path}: ${item.reason}`),
  };
}
