import { isJsonObject, stringField } from '../json-fields.ts';
import { sendJson } from '../send-json.ts';
import type { StandInCall } from '../stand-in-call.ts';
import { StandInRequestError } from '../stand-in-request-error.ts';
import { pollStandInBatch, type StandInBatch, type StandInBatchLine } from '../stand-in-storage.ts';
import { openAiBatchOutput } from './openai-batch-output.ts';

const ENDPOINTS = ['/v1/chat/completions', '/v1/responses', '/v1/embeddings', '/v1/completions'];
const DAY_SECONDS = 86_400;

/** POST /v1/batches: a batch over an uploaded file, `validating` until its first poll. */
export function respondOpenAiBatchCreate(call: StandInCall): void {
  const fileId = stringField(call.body, 'input_file_id') ?? '';
  const endpoint = stringField(call.body, 'endpoint') ?? '';
  const content = call.storage.files.get(fileId);
  if (content === undefined)
    throw new StandInRequestError(`No such File object: ${fileId}`, 'not-found');
  if (!ENDPOINTS.includes(endpoint)) {
    throw new StandInRequestError(`Invalid value for 'endpoint': ${endpoint}`);
  }
  if (call.body.completion_window !== '24h') {
    throw new StandInRequestError("Invalid value for 'completion_window': only 24h is supported");
  }
  const { lines, problem } = readLines(content, endpoint);
  const refusal: Record<string, string> =
    problem === undefined ? {} : { problemLine: String(problem.line), problem: problem.message };
  const batch: StandInBatch = {
    id: `batch_standin${call.sequence}`,
    createdAt: call.receivedAt,
    lines,
    pollsLeft: call.storage.batchPolls,
    details: { endpoint, fileId, ...refusal },
  };
  call.storage.batches.set(batch.id, batch);
  sendJson(call.response, 200, batchObject(batch, 'validating'));
}

/** GET /v1/batches/{id}: in progress for `batchPolls` polls, then completed with its files. */
export function respondOpenAiBatchRetrieve(call: StandInCall, id: string): void {
  const batch = call.storage.batches.get(id);
  if (batch === undefined)
    throw new StandInRequestError(`No batch found with id '${id}'`, 'not-found');
  if (batch.details.problem !== undefined) {
    sendJson(call.response, 200, batchObject(batch, 'failed'));
    return;
  }
  if (pollStandInBatch(batch)) {
    const files = openAiBatchOutput(
      id,
      batch.details.endpoint ?? '',
      batch.lines,
      call.control.usage,
      call.pieces.join(''),
    );
    for (const [name, entries] of [
      ['output', files.output],
      ['error', files.errors],
    ] as const) {
      if (entries.length === 0) continue;
      const fileId = `file-${id}-${name}`;
      call.storage.files.set(fileId, `${entries.join('\n')}\n`);
      batch.details[`${name}FileId`] = fileId;
      batch.details[`${name}Count`] = String(entries.length);
    }
  }
  sendJson(
    call.response,
    200,
    batchObject(batch, batch.endedAt === undefined ? 'in_progress' : 'completed'),
  );
}

/** A file line that is not a request for the batch's endpoint fails the whole batch, as OpenAI's validation does. */
function readLines(
  content: string,
  endpoint: string,
): { lines: StandInBatchLine[]; problem?: { line: number; message: string } } {
  const lines: StandInBatchLine[] = [];
  const rows = content.split('\n').filter((row) => row.trim() !== '');
  for (const [index, row] of rows.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch {
      return { lines, problem: { line: index + 1, message: 'Invalid JSON' } };
    }
    const customId = isJsonObject(value) ? stringField(value, 'custom_id') : undefined;
    if (!isJsonObject(value) || customId === undefined || !isJsonObject(value.body)) {
      return { lines, problem: { line: index + 1, message: 'Each line needs custom_id and body' } };
    }
    if (value.url !== endpoint) {
      return {
        lines,
        problem: { line: index + 1, message: 'The url must match the batch endpoint' },
      };
    }
    lines.push({ customId, body: value.body });
  }
  return { lines };
}

function batchObject(batch: StandInBatch, status: string): Record<string, unknown> {
  const created = Math.floor(batch.createdAt / 1000);
  const ended = batch.endedAt === undefined ? null : Math.floor(batch.endedAt / 1000);
  const failed = Number(batch.details.errorCount ?? 0);
  const done = status === 'completed';
  return {
    id: batch.id,
    object: 'batch',
    endpoint: batch.details.endpoint,
    errors: status === 'failed' ? validationErrors(batch) : null,
    input_file_id: batch.details.fileId,
    completion_window: '24h',
    status,
    output_file_id: batch.details.outputFileId ?? null,
    error_file_id: batch.details.errorFileId ?? null,
    created_at: created,
    in_progress_at: status === 'validating' ? null : created,
    expires_at: created + DAY_SECONDS,
    finalizing_at: ended,
    completed_at: done ? ended : null,
    failed_at: status === 'failed' ? created : null,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
    request_counts: {
      total: batch.lines.length,
      completed: done ? batch.lines.length - failed : 0,
      failed: done ? failed : 0,
    },
    metadata: null,
  };
}

function validationErrors(batch: StandInBatch): Record<string, unknown> {
  const { problem: message, problemLine } = batch.details;
  const error = { code: 'invalid_request', message, param: null, line: Number(problemLine) };
  return { object: 'list', data: [error] };
}
