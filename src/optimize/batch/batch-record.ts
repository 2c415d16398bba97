import type { BatchState } from '../../domain/batch.ts';
import type { Tags } from '../../domain/tags.ts';

/** What collecting a batch stored, the last time it ran. */
export interface BatchCollection {
  /** ISO 8601. */
  at: string;
  results: number;
  /** Events new to the store; a second collection finds them all already stored. */
  inserted: number;
  duplicates: number;
}

/**
 * What tokenops keeps about a batch it sent (`DATA/batches/ID.json`), so `list`, `status` and
 * `collect` know its provider, its tags and the model of each line without the file.
 */
export interface BatchRecord {
  id: string;
  provider: string;
  /** Recorded on every event of the batch. */
  tags: Tags;
  /** The file as given to `submit`. */
  file: string;
  /** ISO 8601. */
  submittedAt: string;
  requests: number;
  /** custom_id → the model its line asked for, so an errored line's event names its model. */
  models: Record<string, string>;
  state: BatchState;
  providerStatus: string;
  done: number;
  succeeded: number;
  failed: number;
  /** ISO 8601: when the state above was read. */
  checkedAt: string;
  collected?: BatchCollection;
}

/** Where batch records are kept; the CLI keeps them as files in the data directory. */
export interface BatchRecords {
  save(record: BatchRecord): Promise<void>;
  find(id: string): Promise<BatchRecord | undefined>;
  /** Newest first. */
  list(): Promise<BatchRecord[]>;
}
