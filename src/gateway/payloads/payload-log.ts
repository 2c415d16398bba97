import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tags } from '../../domain/tags.ts';
import { createRedactor, type RedactRule } from './redact-payload.ts';

export interface PayloadRecord {
  requestId: string;
  timestamp: number;
  provider: string;
  model: string;
  status: number | string;
  tags: Tags;
  request: Buffer;
  /** The answer as relayed; undefined when it was larger than the log keeps. */
  response: Buffer | undefined;
}

export interface PayloadLog {
  /** Redacts and appends one call; never throws (a failure is logged, the call is unaffected). */
  write(record: PayloadRecord): Promise<void>;
  /** Bytes of answer to capture for the log. */
  readonly maxBytes: number;
  /** Resolves once every line handed over so far is written (at shutdown). */
  flush(): Promise<void>;
}

/**
 * Prompts and answers of metered calls, one JSON line per call in
 * DIR/payloads-YYYY-MM-DD.jsonl (UTC day), written only when logging.payloads.enabled is
 * true. Redaction runs on the text before it is cut or written; headers are never logged.
 */
export function createPayloadLog(options: {
  directory: string;
  maxBytes: number;
  redact: readonly RedactRule[];
  log: (line: string) => void;
}): PayloadLog {
  const redact = createRedactor(options.redact);
  const made = mkdir(options.directory, { recursive: true });
  let queue: Promise<void> = Promise.resolve();
  const text = (bytes: Buffer | undefined): string | null => {
    if (bytes === undefined) return null;
    const clean = redact(bytes.toString('utf8'));
    return clean.length > options.maxBytes ? `${clean.slice(0, options.maxBytes)}…` : clean;
  };
  return {
    maxBytes: options.maxBytes,
    write(record) {
      const line = `${JSON.stringify({
        request_id: record.requestId,
        timestamp: new Date(record.timestamp).toISOString(),
        provider: record.provider,
        model: record.model,
        status: record.status,
        tags: record.tags,
        request: text(record.request),
        response: text(record.response),
      })}\n`;
      const file = join(
        options.directory,
        `payloads-${new Date(record.timestamp).toISOString().slice(0, 10)}.jsonl`,
      );
      // One write at a time keeps lines whole and in order.
      queue = queue
        .then(() => made)
        .then(() => appendFile(file, line))
        .catch((error: unknown) => options.log(`payload log: ${String(error)}`));
      return queue;
    },
    flush: () => queue,
  };
}
