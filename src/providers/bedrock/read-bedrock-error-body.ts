import { asJsonObject } from '../shared/as-json-object.ts';
import { readHeader } from '../shared/read-header.ts';
import type { HeaderMap } from '../wire-protocol.ts';
import { bedrockErrorKind } from './bedrock-error-kind.ts';

/**
 * The error kind of a Bedrock error response, undefined for a success. The exception's name is
 * the body's `__type` or the `x-amzn-errortype` header; a body that is only `{"message": …}`
 * is an error whose name did not come through, so it is `unknown` rather than a success.
 * The header is read only beside an error-shaped body: invoke bodies are the model's own JSON.
 */
export function readBedrockErrorBody(body: unknown, headers: HeaderMap): string | undefined {
  const error = asJsonObject(body);
  if (!error) return undefined;
  const named = error.__type ?? readHeader(headers, 'x-amzn-errortype');
  const keys = Object.keys(error);
  const onlyMessage =
    keys.length > 0 && keys.every((key) => ['message', 'Message', '__type'].includes(key));
  if (error.__type === undefined && !onlyMessage) return undefined;
  return bedrockErrorKind(named) ?? 'unknown';
}
