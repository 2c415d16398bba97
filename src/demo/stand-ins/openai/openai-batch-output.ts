import type { JsonObject } from '../json-fields.ts';
import type { TokenCounts } from '../stand-in-responder.ts';
import type { StandInBatchLine } from '../stand-in-storage.ts';
import { openAiChatUsage, openAiResponsesUsage } from './openai-stand-in-usage.ts';

/** The field each endpoint cannot do without; a line missing it gets the API's 400. */
const REQUIRED_FIELD: Readonly<Record<string, string>> = {
  '/v1/chat/completions': 'messages',
  '/v1/responses': 'input',
  '/v1/embeddings': 'input',
};

export interface OpenAiBatchOutput {
  /** answered lines (2xx) */
  output: string[];
  /** lines the endpoint refused (4xx) */
  errors: string[];
}

/**
 * The output and error files of an ended batch: every line succeeds with the stand-in's usage,
 * except a line whose body lacks its endpoint's required field, which gets a 400 as the
 * real endpoint would answer it.
 */
export function openAiBatchOutput(
  batchId: string,
  endpoint: string,
  lines: readonly StandInBatchLine[],
  usage: TokenCounts,
  text: string,
): OpenAiBatchOutput {
  const result: OpenAiBatchOutput = { output: [], errors: [] };
  lines.forEach((line, index) => {
    const required = REQUIRED_FIELD[endpoint] ?? 'messages';
    const failed = line.body[required] === undefined;
    const body = failed ? missing(required) : answer(endpoint, line.body, usage, text, index);
    const entry = JSON.stringify({
      id: `batch_req_${batchId}_${index + 1}`,
      custom_id: line.customId,
      response: {
        status_code: failed ? 400 : 200,
        request_id: `req_${batchId}_${index + 1}`,
        body,
      },
      error: null,
    });
    (failed ? result.errors : result.output).push(entry);
  });
  return result;
}

function answer(
  endpoint: string,
  request: JsonObject,
  usage: TokenCounts,
  text: string,
  index: number,
): Record<string, unknown> {
  const model = typeof request.model === 'string' ? request.model : 'gpt-4o-mini';
  if (endpoint === '/v1/embeddings') {
    const prompt = usage.prompt_tokens ?? 0;
    const data = [{ object: 'embedding', index: 0, embedding: [0.5, 0.25] }];
    return { object: 'list', data, model, usage: { prompt_tokens: prompt, total_tokens: prompt } };
  }
  if (endpoint === '/v1/responses') {
    const output = [
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] },
    ];
    return {
      id: `resp_batch${index}`,
      object: 'response',
      model,
      output,
      usage: openAiResponsesUsage(usage),
    };
  }
  const message = { role: 'assistant', content: text, refusal: null };
  return {
    id: `chatcmpl-batch${index}`,
    object: 'chat.completion',
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: 'stop' }],
    usage: openAiChatUsage(usage),
    service_tier: 'default',
  };
}

function missing(field: string): Record<string, unknown> {
  const message = `Missing required parameter: '${field}'.`;
  return {
    error: {
      message,
      type: 'invalid_request_error',
      param: field,
      code: 'missing_required_parameter',
    },
  };
}
