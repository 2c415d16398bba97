import type { BatchRequest, BatchResult } from '../../domain/batch.ts';
import type { BatchHttpRequest, BatchTransport, ProviderBatchApi } from '../batch-api.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { multipartBody } from '../shared/multipart-body.ts';
import { readBatchReply } from '../shared/read-batch-reply.ts';
import { readJsonLines } from '../shared/read-json-lines.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readOpenAiBatchResult } from './read-openai-batch-result.ts';
import { readOpenAiBatchStatus } from './read-openai-batch-status.ts';

/** The endpoints the Batch API serves, and the operation each records. */
const OPERATION_BY_ENDPOINT: Readonly<Record<string, string>> = {
  '/v1/chat/completions': 'chat',
  '/v1/responses': 'responses',
  '/v1/embeddings': 'embeddings',
  '/v1/completions': 'completions',
};

/** Where a `{custom_id, params}` line (Anthropic's shape, no url) goes. */
const DEFAULT_ENDPOINT = '/v1/chat/completions';

const readMessage = (body: unknown) =>
  readNonEmptyString(asJsonObject(asJsonObject(body)?.error)?.message);

/**
 * OpenAI's Batch API: the lines are uploaded as a JSONL file (`purpose: batch`), a batch is
 * created over it for one endpoint, and the answers come back as output and error files.
 */
export const openAiBatchApi: ProviderBatchApi = {
  checkRequests(requests) {
    const endpoint = endpointOf(requests[0]);
    for (const request of requests) {
      const url = endpointOf(request);
      if (OPERATION_BY_ENDPOINT[url] === undefined) {
        const known = Object.keys(OPERATION_BY_ENDPOINT).join(', ');
        return {
          line: request.line,
          reason: `url "${url}" is not one the Batch API serves (${known})`,
        };
      }
      if (url !== endpoint) {
        return {
          line: request.line,
          reason: `url "${url}" differs from line 1's "${endpoint}": a batch goes to one endpoint, so split the file`,
        };
      }
    }
    return undefined;
  },

  async submit(send, requests) {
    const endpoint = endpointOf(requests[0]);
    const jsonl = requests
      .map((request) =>
        JSON.stringify({
          custom_id: request.customId,
          method: 'POST',
          url: endpoint,
          body: request.body,
        }),
      )
      .join('\n');
    const form = multipartBody([
      { name: 'purpose', value: 'batch' },
      {
        name: 'file',
        value: `${jsonl}\n`,
        filename: 'batch.jsonl',
        contentType: 'application/jsonl',
      },
    ]);
    const upload = { 'content-type': form.contentType };
    const file = await call(send, 'the file upload', {
      method: 'POST',
      path: '/v1/files',
      headers: upload,
      body: form.body,
    });
    const inputFileId = readNonEmptyString(asJsonObject(file)?.id) ?? '';
    const batch = await call(send, 'the batch creation', {
      method: 'POST',
      path: '/v1/batches',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input_file_id: inputFileId, endpoint, completion_window: '24h' }),
    });
    return readOpenAiBatchStatus(batch);
  },

  async status(send, id) {
    return readOpenAiBatchStatus(await call(send, 'the status request', statusRequest(id)));
  },

  async results(send, id) {
    const status = readOpenAiBatchStatus(await call(send, 'the status request', statusRequest(id)));
    const operation =
      status.endpoint === undefined ? undefined : OPERATION_BY_ENDPOINT[status.endpoint];
    const results: BatchResult[] = [];
    for (const fileId of [status.outputFileId, status.errorFileId]) {
      if (fileId === undefined) continue;
      const response = await send({
        method: 'GET',
        path: `/v1/files/${encodeURIComponent(fileId)}/content`,
      });
      // The content is JSONL, not JSON: only a refusal needs reading as JSON.
      if (response.status >= 300)
        readBatchReply('openai', 'the results download', response, readMessage);
      for (const line of readJsonLines('openai', 'batch results', response.text)) {
        results.push(readOpenAiBatchResult(line, operation));
      }
    }
    return results;
  },
};

function endpointOf(request: BatchRequest | undefined): string {
  return request?.url ?? DEFAULT_ENDPOINT;
}

function statusRequest(id: string): BatchHttpRequest {
  return { method: 'GET', path: `/v1/batches/${encodeURIComponent(id)}` };
}

async function call(
  send: BatchTransport,
  what: string,
  request: BatchHttpRequest,
): Promise<unknown> {
  return readBatchReply('openai', what, await send(request), readMessage);
}
