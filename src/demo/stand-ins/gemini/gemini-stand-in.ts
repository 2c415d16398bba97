import { sendJson } from '../send-json.ts';
import { standInErrorHeaders, type StandInErrorKind } from '../stand-in-error.ts';
import type { StandInResponder } from '../stand-in-responder.ts';
import { respondGeminiGenerate } from './gemini-generate-responder.ts';
import { GEMINI_DEFAULT_USAGE, GEMINI_USAGE_FIELDS } from './gemini-stand-in-usage.ts';

/** The Gemini API paths (v1beta, and v1 which has the same shape). */
const GENERATE_PATH = /^\/v1(?:beta)?\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

const ERROR_STATUSES: Readonly<Record<StandInErrorKind, string>> = {
  'rate-limited': 'RESOURCE_EXHAUSTED',
  'server-error': 'INTERNAL',
  'invalid-request': 'INVALID_ARGUMENT',
  'not-found': 'NOT_FOUND',
};

export const geminiStandIn: StandInResponder = {
  usageFields: GEMINI_USAGE_FIELDS,
  defaultUsage: GEMINI_DEFAULT_USAGE,
  route(method, pathname) {
    const match = method === 'POST' ? GENERATE_PATH.exec(pathname) : null;
    if (match === null) return undefined;
    const model = match[1] ?? '';
    const streaming = match[2] === 'streamGenerateContent';
    return (call) => respondGeminiGenerate(call, model, streaming);
  },
  sendError(response, error) {
    const body = {
      error: { code: error.status, message: error.message, status: ERROR_STATUSES[error.kind] },
    };
    sendJson(response, error.status, body, standInErrorHeaders(error));
  },
};
