import type { Tags } from '../domain/tags.ts';
import {
  readMeteredRequest,
  type MeteredRequest,
} from '../providers/metering/read-metered-request.ts';
import type { PromptMeasure } from '../providers/metering/measure-prompt.ts';
import type { GatewayRoute, JsonBody } from '../providers/wire-protocol.ts';
import { addJsonMembers } from './add-json-members.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GatewayRefusal } from './gateway-refusal.ts';

/** The metered request and its prompt's measure, with the body to forward as bytes when it had to change. */
export type GatewayMeteredRequest = Omit<MeteredRequest, 'body'> & {
  body?: Buffer;
  /**
   * The prompt's measure, taken on first use and kept: the gateway takes it once the call is
   * on its way upstream, so counting a new system prompt overlaps the provider's work.
   */
  prompt: () => PromptMeasure | undefined;
  /** The caller's body parsed, when it is a JSON object: what optimizations edit. */
  json?: JsonBody;
};

/** Reads the call (readMeteredRequest), then applies the gateway's untagged policy. */
export function prepareMeteredRequest(
  context: GatewayContext,
  route: GatewayRoute,
  bytes: Buffer,
  tags: Tags,
): GatewayMeteredRequest | { refusal: GatewayRefusal } {
  const parsed = parseJson(bytes);
  const { body, addedMembers, ...metered } = readMeteredRequest(route, parsed, tags);
  if (context.untagged === 'reject' && !metered.tags.team) {
    return {
      refusal: {
        status: 400,
        type: 'untagged_call',
        message: 'this gateway refuses calls that carry no team (tags.untagged: reject)',
        fix: 'send the header x-tokenops-team (and x-tokenops-service, x-tokenops-feature, x-tokenops-env), or use a virtual key made with tokenops keys create --team T',
      },
    };
  }
  let measured: { prompt: PromptMeasure | undefined } | undefined;
  return {
    ...metered,
    prompt: () =>
      (measured ??= { prompt: context.measurePrompt(metered.facts, metered.encoding) }).prompt,
    ...(body ? { body: changedBytes(bytes, body, addedMembers) } : {}),
    ...(isJsonBody(parsed) ? { json: parsed } : {}),
  };
}

/**
 * The bytes to send for a changed body. Members only added go into the caller's own bytes:
 * one copy instead of serialising the whole prompt again, and the rest of the body is sent as
 * written (a 20-digit seed keeps its digits, which JSON.parse would round).
 */
function changedBytes(
  bytes: Buffer,
  body: Record<string, unknown>,
  addedMembers: Record<string, unknown> | undefined,
): Buffer {
  return (addedMembers && addJsonMembers(bytes, addedMembers)) ?? Buffer.from(JSON.stringify(body));
}

function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    // The provider answers a malformed body itself; the event still records the call.
    return undefined;
  }
}

function isJsonBody(value: unknown): value is JsonBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
