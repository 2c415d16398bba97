import { sendJson } from '../send-json.ts';
import type { StandInCall } from '../stand-in-call.ts';

const MODELS = ['gpt-4o-mini', 'gpt-4o', 'o4-mini', 'text-embedding-3-small'].map((id) => ({
  id,
  object: 'model',
  created: 1715367049,
  owned_by: 'system',
}));

/** GET /v1/models: a short fixed list, enough for clients that probe the endpoint. */
export function respondOpenAiModels(call: StandInCall): void {
  sendJson(call.response, 200, { object: 'list', data: MODELS });
}
