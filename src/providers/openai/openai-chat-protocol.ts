import { asJsonObject } from '../shared/as-json-object.ts';
import type { WireProtocol } from '../wire-protocol.ts';
import { openAiLocalEncoding } from './openai-local-encoding.ts';
import { openAiChatEditor } from './openai-chat-editor.ts';
import { createOpenAiChatStreamReader } from './create-openai-chat-stream-reader.ts';
import { readOpenAiChatRequest } from './read-openai-chat-request.ts';
import { readOpenAiResponse } from './read-openai-response.ts';

/** Chat Completions (`POST /v1/chat/completions`), also spoken by Azure and compatible servers. */
export const openAiChatProtocol: WireProtocol = {
  name: 'openai-chat',
  localEncoding: openAiLocalEncoding,
  readRequest: readOpenAiChatRequest,
  requestStreamUsage(body) {
    // A stream reports usage only when asked; without it the call could only be estimated.
    if (body.stream !== true) return undefined;
    const streamOptions = asJsonObject(body.stream_options);
    if (streamOptions?.include_usage === true) return undefined;
    const asked = { ...streamOptions, include_usage: true };
    return {
      body: { ...body, stream_options: asked },
      ...(body.stream_options === undefined ? { addedMembers: { stream_options: asked } } : {}),
      // The caller did not ask for the extra usage chunk and may not expect `choices: []`.
      hideUsageFromCaller: true,
    };
  },
  readResponseUsage: (body) => readOpenAiResponse(body),
  createStreamReader: ({ hideUsageFromCaller }) =>
    createOpenAiChatStreamReader({ hideUsageFromCaller }),
  editor: openAiChatEditor,
};
