import type { WireProtocol } from '../wire-protocol.ts';
import { createBedrockInvokeStreamReader } from './create-bedrock-invoke-stream-reader.ts';
import { readBedrockInvokeRequest } from './read-bedrock-invoke-request.ts';
import { readBedrockInvokeResponse } from './read-bedrock-invoke-response.ts';

/**
 * InvokeModel and InvokeModelWithResponseStream: the model vendor's native bodies, metered by
 * the counts Bedrock adds (response headers, or the stream's invocation metrics).
 */
export const bedrockInvokeProtocol: WireProtocol = {
  name: 'bedrock-invoke',
  readRequest: readBedrockInvokeRequest,
  readResponseUsage: readBedrockInvokeResponse,
  createStreamReader: ({ contentType }) => createBedrockInvokeStreamReader({ contentType }),
};
