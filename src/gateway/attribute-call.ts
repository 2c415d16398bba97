import type { Tags } from '../domain/tags.ts';
import type { HeaderMap } from '../providers/wire-protocol.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GatewayRefusal } from './gateway-refusal.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';
import { mergeTags } from '../domain/merge-tags.ts';
import { readHeaderTags } from '../domain/read-header-tags.ts';
import { VIRTUAL_KEY_PREFIX } from './virtual-keys.ts';

/**
 * Tags from the attribution headers, over the defaults of the virtual key the caller sent.
 * A virtual key is useless upstream, so it needs a configured provider key to replace it.
 */
export function attributeCall(
  context: GatewayContext,
  upstream: GatewayUpstream,
  headers: HeaderMap,
  query: URLSearchParams,
): { tags: Tags } | { refusal: GatewayRefusal } {
  const headerTags = readHeaderTags(headers);
  const credential = upstream.gateway.readCallerCredential(headers, query);
  if (!credential?.startsWith(VIRTUAL_KEY_PREFIX)) return { tags: headerTags };
  const keyTags = context.virtualKeys.find(credential);
  if (!keyTags) {
    return {
      refusal: {
        status: 401,
        type: 'invalid_virtual_key',
        message: 'this tokenops virtual key is not configured (revoked, or mistyped)',
        fix: 'create one with tokenops keys create --team T --service S, or send a provider key',
      },
    };
  }
  if (!upstream.apiKey) {
    return {
      refusal: {
        status: 400,
        type: 'virtual_key_without_provider_key',
        message: `a virtual key was sent, but no key is configured for ${upstream.name}`,
        fix: `set providers.${upstream.name}.apiKeyEnv in tokenops.yaml to the variable holding the real key`,
      },
    };
  }
  return { tags: mergeTags(headerTags, keyTags) };
}
