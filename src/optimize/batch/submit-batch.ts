import { ValidationError } from '../../domain/errors/index.ts';
import type { Tags } from '../../domain/tags.ts';
import type { BatchClient } from './batch-client.ts';
import type { BatchRecord, BatchRecords } from './batch-record.ts';
import { parseBatchFile } from './parse-batch-file.ts';
import { recordStatus } from './record-status.ts';

export interface SubmitBatchOptions {
  file: string;
  text: string;
  tags: Tags;
  now: Date;
}

/**
 * Checks the whole file (tokenops' rules, then the provider's) before anything is sent, sends
 * it, and keeps a record of the batch.
 */
export async function submitBatch(
  client: BatchClient,
  records: BatchRecords,
  options: SubmitBatchOptions,
): Promise<BatchRecord> {
  const requests = parseBatchFile(options.text, options.file);
  const problem = client.checkRequests(requests);
  if (problem) {
    throw new ValidationError(
      `invalid batch file ${options.file} for ${client.provider}`,
      [{ field: `line ${problem.line}`, reason: problem.reason }],
      'correct the line, then submit again',
    );
  }
  const status = await client.submit(requests);
  const models = Object.fromEntries(
    requests.map((request) => [request.customId, String(request.body.model)]),
  );
  const record = recordStatus(
    {
      id: status.id,
      provider: client.provider,
      tags: options.tags,
      file: options.file,
      submittedAt: options.now.toISOString(),
      requests: requests.length,
      models,
    },
    status,
    options.now,
  );
  await records.save(record);
  return record;
}
