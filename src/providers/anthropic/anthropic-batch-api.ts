import type { BatchHttpRequest, BatchTransport, ProviderBatchApi } from '../batch-api.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readBatchReply } from '../shared/read-batch-reply.ts';
import { readJsonLines } from '../shared/read-json-lines.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readAnthropicBatchResult } from './read-anthropic-batch-result.ts';
import { readAnthropicBatchStatus } from './read-anthropic-batch-status.ts';

/** The API version every Message Batches call names. */
const ANTHROPIC_VERSION = '2023-06-01';

/** Anthropic refuses any other custom_id when the batch is created. */
const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;

const HEADERS = { 'anthropic-version': ANTHROPIC_VERSION };

const readMessage = (body: unknown) =>
  readNonEmptyString(asJsonObject(asJsonObject(body)?.error)?.message);

/**
 * Anthropic's Message Batches: one call carries every request (`{custom_id, params}`), the
 * batch is polled until `ended`, then its results are read as JSONL.
 */
export const anthropicBatchApi: ProviderBatchApi = {
  checkRequests(requests) {
    for (const request of requests) {
      if (!CUSTOM_ID.test(request.customId)) {
        return {
          line: request.line,
          reason: `custom_id "${request.customId}" must be 1 to 64 letters, digits, "-" or "_" for Anthropic`,
        };
      }
      if (request.url !== undefined && request.url !== '/v1/messages') {
        return {
          line: request.line,
          reason: `url "${request.url}" is not /v1/messages, the only endpoint Message Batches serve`,
        };
      }
    }
    return undefined;
  },

  async submit(send, requests) {
    const body = {
      requests: requests.map((request) => ({ custom_id: request.customId, params: request.body })),
    };
    return readAnthropicBatchStatus(
      await call(send, 'the batch creation', {
        method: 'POST',
        path: '/v1/messages/batches',
        headers: { ...HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  },

  async status(send, id) {
    return readAnthropicBatchStatus(
      await call(send, 'the status request', {
        method: 'GET',
        path: batchPath(id),
        headers: HEADERS,
      }),
    );
  },

  async results(send, id) {
    // The documented results path under the configured base URL, rather than the batch's
    // `results_url`: the same place, and the key goes nowhere the config did not name.
    const response = await send({
      method: 'GET',
      path: `${batchPath(id)}/results`,
      headers: HEADERS,
    });
    if (response.status >= 300)
      readBatchReply('anthropic', 'the results download', response, readMessage);
    return readJsonLines('anthropic', 'batch results', response.text).map(readAnthropicBatchResult);
  },
};

function batchPath(id: string): string {
  return `/v1/messages/batches/${encodeURIComponent(id)}`;
}

async function call(
  send: BatchTransport,
  what: string,
  request: BatchHttpRequest,
): Promise<unknown> {
  return readBatchReply('anthropic', what, await send(request), readMessage);
}
