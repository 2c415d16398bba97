import { isJsonObject } from './json-fields.ts';
import type { TokenCounts } from './stand-in-responder.ts';
import { StandInRequestError } from './stand-in-request-error.ts';

/**
 * Lays `patch` over `base` after checking it names only this provider's usage fields, with
 * whole non-negative counts: a misspelt or other-provider field would otherwise be ignored and
 * leave a test asserting on defaults without noticing.
 */
export function mergeUsage(
  base: TokenCounts,
  patch: unknown,
  fields: readonly string[],
  source: string,
): TokenCounts {
  if (!isJsonObject(patch)) throw new StandInRequestError(`${source} must be a JSON object`);
  for (const [field, value] of Object.entries(patch)) {
    if (!fields.includes(field)) {
      throw new StandInRequestError(
        `${source} has unknown field "${field}"; expected some of ${fields.join(', ')}`,
      );
    }
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) {
      throw new StandInRequestError(`${source}.${field} must be a whole number of at least 0`);
    }
  }
  return { ...base, ...(patch as TokenCounts) };
}
