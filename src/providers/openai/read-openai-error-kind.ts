import { asJsonObject } from '../shared/as-json-object.ts';

/**
 * Error `code` and `type` values seen from OpenAI and the servers that copy its format
 * (Azure puts HTTP statuses or names like `DeploymentNotFound` in `code`; rate limits come
 * with type `tokens` or `requests` and code `rate_limit_exceeded`).
 */
const KIND_BY_NAME = new Map<string, string>([
  ['rate_limit_exceeded', 'rate_limit'],
  ['insufficient_quota', 'rate_limit'],
  ['tokens', 'rate_limit'],
  ['requests', 'rate_limit'],
  ['server_error', 'server_error'],
  ['internal_error', 'server_error'],
  ['api_error', 'server_error'],
  ['engine_overloaded', 'overloaded'],
  ['server_overloaded', 'overloaded'],
  ['invalid_request_error', 'invalid_request'],
  ['context_length_exceeded', 'invalid_request'],
  ['content_filter', 'invalid_request'],
  ['invalid_api_key', 'authentication'],
  ['authentication_error', 'authentication'],
  ['permission_error', 'permission'],
  ['unsupported_country_region_territory', 'permission'],
  ['model_not_found', 'not_found'],
  ['deploymentnotfound', 'not_found'],
  ['not_found_error', 'not_found'],
  ['request_too_large', 'request_too_large'],
  ['timeout', 'timeout'],
  ['vector_store_timeout', 'timeout'],
]);

const KIND_BY_STATUS = new Map<number, string>([
  [400, 'invalid_request'],
  [401, 'authentication'],
  [403, 'permission'],
  [404, 'not_found'],
  [408, 'timeout'],
  [413, 'request_too_large'],
  [429, 'rate_limit'],
  [500, 'server_error'],
  [502, 'server_error'],
  [503, 'overloaded'],
  [504, 'timeout'],
]);

/**
 * The kind of an OpenAI-style error object `{type, code, message}`: the code first (more
 * specific: an invalid key is type `invalid_request_error`, code `invalid_api_key`), then the
 * type. Undefined when there is no error object; `unknown` when it names nothing we know.
 */
export function readOpenAiErrorKind(error: unknown): string | undefined {
  const fields = asJsonObject(error);
  if (fields === undefined) return undefined;
  return kindOf(fields.code) ?? kindOf(fields.type) ?? 'unknown';
}

function kindOf(name: unknown): string | undefined {
  if (typeof name === 'number') return KIND_BY_STATUS.get(name);
  if (typeof name !== 'string') return undefined;
  if (/^\d{3}$/.test(name)) return KIND_BY_STATUS.get(Number(name));
  const lower = name.toLowerCase();
  const known = KIND_BY_NAME.get(lower);
  if (known !== undefined) return known;
  // Responses reports many input problems as `invalid_image`, `invalid_prompt`, …
  return lower.startsWith('invalid_') ? 'invalid_request' : undefined;
}
