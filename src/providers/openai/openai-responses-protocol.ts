import { withBodyModel } from '../shared/with-body-model.ts';
import type { WireProtocol } from '../wire-protocol.ts';
import { openAiLocalEncoding } from './openai-local-encoding.ts';
import { createOpenAiResponsesStreamReader } from './create-openai-responses-stream-reader.ts';
import { readOpenAiResponse } from './read-openai-response.ts';
import { readOpenAiResponsesRequest } from './read-openai-responses-request.ts';

/**
 * The Responses API (`POST /v1/responses`). Its streams always end with usage, so it needs
 * no requestStreamUsage and never hides an event.
 */
export const openAiResponsesProtocol: WireProtocol = {
  name: 'openai-responses',
  localEncoding: openAiLocalEncoding,
  readRequest: readOpenAiResponsesRequest,
  readResponseUsage: (body) => readOpenAiResponse(body),
  createStreamReader: () => createOpenAiResponsesStreamReader(),
  // Its `input` items are not trimmed: context ceilings cover Chat Completions only.
  editor: {
    withModel: withBodyModel,
    withMaxOutputTokens: (body, tokens) => ({ ...body, max_output_tokens: tokens }),
  },
};
