export { importBillFile } from './bills/import-bill-file.ts';
export type { ImportBillFileOptions, ImportedBill } from './bills/import-bill-file.ts';
export { billImporters } from './bills/bill-importers.ts';
export type {
  BillImporter,
  JsonBillImporter,
  MappedDocument,
  TabularBillImporter,
} from './bills/bill-importer.ts';
export type { BillRow } from './bills/bill-row.ts';
export type { ColumnName } from './bills/column-index.ts';
export { importRevenueFile } from './revenue/import-revenue-file.ts';
export type { ImportRevenueFileOptions } from './revenue/import-revenue-file.ts';
export { subscriptionEvents } from './bills/subscription-events.ts';
export { readEventBatch, type EventBatch, type RefusedEvent } from './events/read-event-batch.ts';
export {
  createEventBatchReader,
  type EventBatchReader,
  type PricedColumnBatch,
  type SpoolColumnBatch,
} from './events/create-event-batch-reader.ts';
export { pricerFromSpec, type PricerSpec } from './events/pricer-spec.ts';
export { ingestEvents, type IngestResult } from './events/ingest-events.ts';
export {
  encodeProtobufTraceResponse,
  readOtlpTraces,
  type OtlpBatch,
  type OtlpEncoding,
  type RejectedSpan,
  type SpanMappingOptions,
} from './otlp/index.ts';
