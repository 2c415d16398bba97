import type { ProviderAdapter } from '../providers/index.ts';
import type { ProviderGateway } from '../providers/wire-protocol.ts';

/** One provider the gateway forwards to, resolved from the config at start. */
export interface GatewayUpstream {
  /** The provider name used in events and in the gateway path. */
  name: string;
  adapter: ProviderAdapter;
  gateway: ProviderGateway;
  /** Origin plus any path prefix; the path after the gateway prefix is appended. */
  baseUrl: string;
  /** `baseUrl` split once at start: the origin for the pool, the path prefix for requests. */
  origin: string;
  basePath: string;
  /** The configured key (providers.NAME.apiKeyEnv); when set the caller's never goes upstream. */
  apiKey?: string;
}
