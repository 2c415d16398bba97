import { asJsonObject } from '../shared/as-json-object.ts';

const KIND_BY_TYPE = new Map<string, string>([
  ['rate_limit_error', 'rate_limit'],
  ['overloaded_error', 'overloaded'],
  ['api_error', 'server_error'],
  ['invalid_request_error', 'invalid_request'],
  ['authentication_error', 'authentication'],
  ['permission_error', 'permission'],
  ['not_found_error', 'not_found'],
  ['request_too_large', 'request_too_large'],
  ['timeout_error', 'timeout'],
]);

/**
 * The kind of the `error` object of an Anthropic error body or `error` stream event
 * (`{type: 'overloaded_error', message}`). Undefined when there is no error object;
 * `unknown` for a type we do not know (billing_error, conflict_error…).
 */
export function readAnthropicErrorKind(error: unknown): string | undefined {
  const fields = asJsonObject(error);
  if (fields === undefined) return undefined;
  return typeof fields.type === 'string' ? (KIND_BY_TYPE.get(fields.type) ?? 'unknown') : 'unknown';
}
