import { isJsonObject, stringField } from '../json-fields.ts';
import { sendJson } from '../send-json.ts';
import type { StandInCall } from '../stand-in-call.ts';
import type { StandInHandler } from '../stand-in-responder.ts';
import { StandInRequestError } from '../stand-in-request-error.ts';
import { pollStandInBatch, type StandInBatch, type StandInBatchLine } from '../stand-in-storage.ts';
import { anthropicBatchResults, countErrored } from './anthropic-batch-results.ts';

const BATCHES = '/v1/messages/batches';
const BATCH = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/;
const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const DAY_MS = 86_400_000;

/** The Message Batches routes: create, retrieve, results. */
export function routeAnthropicBatches(
  method: string,
  pathname: string,
): StandInHandler | undefined {
  if (method === 'POST' && pathname === BATCHES) return respondCreate;
  const match = method === 'GET' ? BATCH.exec(pathname) : null;
  if (!match?.[1]) return undefined;
  const id = decodeURIComponent(match[1]);
  return match[2] === undefined
    ? (call) => respondRetrieve(call, id)
    : (call) => respondResults(call, id);
}

/** POST /v1/messages/batches: the requests are checked as the API does before anything runs. */
function respondCreate(call: StandInCall): void {
  const requests = call.body.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw new StandInRequestError('requests: must be a non-empty list');
  }
  const lines: StandInBatchLine[] = [];
  for (const [index, request] of requests.entries()) {
    const customId = isJsonObject(request) ? stringField(request, 'custom_id') : undefined;
    if (customId === undefined || !CUSTOM_ID.test(customId)) {
      throw new StandInRequestError(
        `requests.${index}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`,
      );
    }
    if (lines.some((line) => line.customId === customId)) {
      throw new StandInRequestError(`requests.${index}.custom_id: duplicate custom_id ${customId}`);
    }
    const params = isJsonObject(request) ? request.params : undefined;
    if (!isJsonObject(params))
      throw new StandInRequestError(`requests.${index}.params: Field required`);
    lines.push({ customId, body: params });
  }
  const batch: StandInBatch = {
    id: `msgbatch_standin${call.sequence}`,
    createdAt: call.receivedAt,
    lines,
    pollsLeft: call.storage.batchPolls,
    details: {},
  };
  call.storage.batches.set(batch.id, batch);
  sendJson(call.response, 200, batchObject(call, batch));
}

/** GET /v1/messages/batches/{id}: in progress for `batchPolls` polls, then ended. */
function respondRetrieve(call: StandInCall, id: string): void {
  const batch = findBatch(call, id);
  if (pollStandInBatch(batch)) {
    const results = anthropicBatchResults(id, batch.lines, call.control.usage, call.pieces);
    call.storage.files.set(id, `${results.join('\n')}\n`);
    batch.details.errored = String(countErrored(results));
  }
  sendJson(call.response, 200, batchObject(call, batch));
}

/** GET /v1/messages/batches/{id}/results: JSONL, once the batch has ended. */
function respondResults(call: StandInCall, id: string): void {
  findBatch(call, id);
  const results = call.storage.files.get(id);
  if (results === undefined) {
    throw new StandInRequestError(
      `Message Batch ${id} is still in progress; results are not available`,
    );
  }
  call.response.writeHead(200, {
    'content-type': 'application/binary',
    'content-length': Buffer.byteLength(results),
  });
  call.response.end(results);
}

function findBatch(call: StandInCall, id: string): StandInBatch {
  const batch = call.storage.batches.get(id);
  if (batch === undefined) throw new StandInRequestError(`No Message Batch ${id}`, 'not-found');
  return batch;
}

function batchObject(call: StandInCall, batch: StandInBatch): Record<string, unknown> {
  const ended = batch.endedAt !== undefined;
  const errored = Number(batch.details.errored ?? 0);
  const host = call.request.headers.host ?? '127.0.0.1';
  return {
    id: batch.id,
    type: 'message_batch',
    processing_status: ended ? 'ended' : 'in_progress',
    request_counts: {
      processing: ended ? 0 : batch.lines.length,
      succeeded: ended ? batch.lines.length - errored : 0,
      errored: ended ? errored : 0,
      canceled: 0,
      expired: 0,
    },
    ended_at: ended ? new Date(batch.endedAt ?? 0).toISOString() : null,
    created_at: new Date(batch.createdAt).toISOString(),
    expires_at: new Date(batch.createdAt + DAY_MS).toISOString(),
    archived_at: null,
    cancel_initiated_at: null,
    results_url: ended ? `http://${host}${BATCHES}/${batch.id}/results` : null,
  };
}
