import type { HeaderMap } from '../providers/wire-protocol.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';

/** Hop-by-hop headers (RFC 9110 §7.6.1): they belong to one connection. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/** Request headers not forwarded: hop-by-hop ones and those undici sets for the body it sends. */
const NEVER_FORWARDED = new Set([...HOP_BY_HOP, 'host', 'content-length', 'expect']);

const NEVER_RETURNED = new Set(HOP_BY_HOP);

/**
 * The caller's headers minus tokenops' own and the hop-by-hop ones. When the config holds the
 * upstream key, every credential header of the caller is dropped and the key sent instead.
 * Metered calls ask for an uncompressed answer, since the gateway reads usage from it.
 */
export function upstreamHeaders(
  incoming: HeaderMap,
  upstream: GatewayUpstream,
  metered: boolean,
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  const dropped = upstream.apiKey ? upstream.gateway.credentialHeaders : [];
  // Names, not entries: Object.entries made an array per header, and a Set per call.
  for (const name of Object.keys(incoming)) {
    const value = incoming[name];
    if (value === undefined || NEVER_FORWARDED.has(name) || name.startsWith('x-tokenops-')) {
      continue;
    }
    if (dropped.includes(name) || (metered && name === 'accept-encoding')) continue;
    headers[name] = value;
  }
  if (upstream.apiKey) Object.assign(headers, upstream.gateway.credentialFor(upstream.apiKey));
  return headers;
}

/** The upstream's response headers to pass back, minus hop-by-hop ones. */
export function downstreamHeaders(
  incoming: HeaderMap,
  bodyMayChange: boolean,
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const name of Object.keys(incoming)) {
    const value = incoming[name];
    if (value === undefined || NEVER_RETURNED.has(name)) continue;
    // Kept when the body passes unchanged, so it goes out with a length instead of chunked.
    if (name === 'content-length' && bodyMayChange) continue;
    headers[name] = value;
  }
  return headers;
}
