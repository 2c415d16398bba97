import type { WireProtocol } from '../wire-protocol.ts';
import { bedrockConverseEditor } from './bedrock-converse-editor.ts';
import { createBedrockConverseStreamReader } from './create-bedrock-converse-stream-reader.ts';
import { readBedrockConverseRequest } from './read-bedrock-converse-request.ts';
import { readBedrockConverseResponse } from './read-bedrock-converse-response.ts';

/**
 * Converse and ConverseStream: one request shape for every Bedrock model. ConverseStream always
 * ends with a `metadata` event carrying usage, so nothing needs to be asked for.
 */
export const bedrockConverseProtocol: WireProtocol = {
  name: 'bedrock-converse',
  readRequest: readBedrockConverseRequest,
  readResponseUsage: readBedrockConverseResponse,
  createStreamReader: ({ contentType }) => createBedrockConverseStreamReader({ contentType }),
  editor: bedrockConverseEditor,
};
