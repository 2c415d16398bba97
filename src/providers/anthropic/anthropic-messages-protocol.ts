import type { WireProtocol } from '../wire-protocol.ts';
import { anthropicMessagesEditor } from './anthropic-messages-editor.ts';
import { createAnthropicStreamReader } from './create-anthropic-stream-reader.ts';
import { readAnthropicRequest } from './read-anthropic-request.ts';
import { readAnthropicResponse } from './read-anthropic-response.ts';

/** The Messages API (`POST /v1/messages`); its streams always report usage. */
export const anthropicMessagesProtocol: WireProtocol = {
  name: 'anthropic-messages',
  readRequest: readAnthropicRequest,
  readResponseUsage: (body) => readAnthropicResponse(body),
  createStreamReader: () => createAnthropicStreamReader(),
  editor: anthropicMessagesEditor,
};
