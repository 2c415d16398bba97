import { asJsonObject } from '../shared/as-json-object.ts';
import { createPassThroughStreamReader } from '../shared/create-pass-through-stream-reader.ts';
import { joinText } from '../shared/join-text.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import { withBodyModel } from '../shared/with-body-model.ts';
import type { RequestFacts, WireProtocol } from '../wire-protocol.ts';
import { openAiLocalEncoding } from './openai-local-encoding.ts';
import { readOpenAiResponse } from './read-openai-response.ts';
import { readOpenAiUser } from './read-openai-user.ts';

/**
 * Embeddings (`POST /v1/embeddings`): usage has only `prompt_tokens` (read as input; nothing
 * is generated) and there is no stream, so the stream reader only passes bytes through.
 */
export const openAiEmbeddingsProtocol: WireProtocol = {
  name: 'openai-embeddings',
  localEncoding: openAiLocalEncoding,
  readRequest: readOpenAiEmbeddingsRequest,
  readResponseUsage: (body) => readOpenAiResponse(body),
  createStreamReader: () => createPassThroughStreamReader(),
  editor: { withModel: withBodyModel },
};

function readOpenAiEmbeddingsRequest(body: unknown, pathModel: string | undefined): RequestFacts {
  const request = asJsonObject(body);
  return withoutUndefined({
    model: readNonEmptyString(request?.model) ?? pathModel,
    stream: false,
    operation: 'embeddings',
    user: request === undefined ? undefined : readOpenAiUser(request),
    promptText: () => joinText(readInputTexts(request?.input)) ?? '',
  });
}

/** `input` is a string or a list of strings; token-id arrays have no text to estimate from. */
function readInputTexts(input: unknown): (string | undefined)[] {
  const texts: unknown[] = Array.isArray(input) ? input : [input];
  return texts.map((text) => (typeof text === 'string' ? text : undefined));
}
