import type { GatewayUpstream } from './gateway-upstream.ts';

export interface UpstreamMatch {
  upstream: GatewayUpstream;
  /** The path after the gateway prefix, as the provider's own API names it (`/v1/messages`). */
  path: string;
}

/**
 * `/NAME/…` or `/compat/NAME/…` (PRODUCT.md §9) → the upstream and the provider's own path.
 * Undefined for any other path, so the API routes keep theirs.
 */
export function findUpstream(
  upstreams: ReadonlyMap<string, GatewayUpstream>,
  pathname: string,
): UpstreamMatch | undefined {
  const segments = pathname.split('/');
  const compat = segments[1] === 'compat';
  const name = compat ? segments[2] : segments[1];
  if (name === undefined) return undefined;
  const upstream = upstreams.get(name);
  if (!upstream) return undefined;
  const rest = segments.slice(compat ? 3 : 2).join('/');
  return { upstream, path: `/${rest}` };
}
