import type { GatewayOptimizationOptions } from './gateway-optimization.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';

/**
 * The semantic cache's embedding provider must be one the gateway forwards to, with an
 * embeddings endpoint it meters. Returns the problem and its fix, or undefined when sound.
 */
export function checkSemanticEmbedding(
  semantic: GatewayOptimizationOptions['semanticCache'],
  upstreams: ReadonlyMap<string, GatewayUpstream>,
): { message: string; fix: string } | undefined {
  if (!semantic?.enabled) return undefined;
  const name = semantic.embedding.provider;
  const upstream = upstreams.get(name);
  if (!upstream) {
    return {
      message: `cache.semantic.embedding.provider names ${name}, which the gateway does not know`,
      fix: `add providers.${name} (kind: openai-compatible and its baseUrl for a local server) or name a configured provider`,
    };
  }
  const endpoint = upstream.gateway.embeddings;
  if (!endpoint || !upstream.gateway.matchPath('POST', endpoint.path)) {
    return {
      message: `cache.semantic.embedding.provider names ${name}, which serves no embeddings the gateway can ask for`,
      fix: 'name openai, azure or an openai-compatible provider',
    };
  }
  if (!upstream.baseUrl) {
    return {
      message: `cache.semantic.embedding.provider names ${name}, which has no endpoint`,
      fix: `set providers.${name}.baseUrl in tokenops.yaml`,
    };
  }
  return undefined;
}
