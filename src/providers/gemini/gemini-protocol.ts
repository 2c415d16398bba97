import type { WireProtocol } from '../wire-protocol.ts';
import { geminiEditor } from './gemini-editor.ts';
import { createGeminiStreamReader } from './create-gemini-stream-reader.ts';
import { readGeminiRequest } from './read-gemini-request.ts';
import { readGeminiUsage } from './read-gemini-usage.ts';

/**
 * generateContent and streamGenerateContent. Gemini reports usage in every stream without
 * being asked, so there is no requestStreamUsage; usage is in the body, never in headers.
 */
export const geminiProtocol: WireProtocol = {
  name: 'gemini',
  readRequest: readGeminiRequest,
  readResponseUsage: (body) => readGeminiUsage(body),
  createStreamReader: ({ contentType }) => createGeminiStreamReader({ contentType }),
  editor: geminiEditor,
};
