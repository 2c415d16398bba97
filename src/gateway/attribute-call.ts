import type { Tags } from '../domain/tags.ts';
import type { HeaderMap } from '../providers/wire-protocol.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GatewayRefusal } from './gateway-refusal.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';
import { mergeTags } from '../domain/merge-tags.ts';
import { readHeaderTags } from '../domain/read-header-tags.ts';
import { VIRTUAL_KEY_PREFIX } from './virtual-keys.ts';
import { VIRTUAL_KEY_TAG } from '../govern/index.ts';

/**
 * Tags from the attribution headers, over the defaults of the virtual key the caller sent.
 * A virtual key is useless upstream, so it needs a configured provider key to replace it.
 */
export function attributeCall(
  context: GatewayContext,
  upstream: GatewayUpstream,
  headers: HeaderMap,
  query: URLSearchParams,
): { tags: Tags; virtualKey?: string } | { refusal: GatewayRefusal } {
  const headerTags = withoutKeyTag(readHeaderTags(headers));
  const credential = upstream.gateway.readCallerCredential(headers, query);
  if (!credential?.startsWith(VIRTUAL_KEY_PREFIX)) return { tags: headerTags };
  const key = context.virtualKeys.find(credential);
  if (!key) {
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
  // The key's own tag last: a header must not pass a call off as another key's.
  const tags = mergeTags(headerTags, key.tags);
  return {
    tags: { ...tags, extra: { ...tags.extra, [VIRTUAL_KEY_TAG]: key.name } },
    virtualKey: key.name,
  };
}

/** Only the gateway names the virtual key a call used; a caller's header cannot. */
function withoutKeyTag(tags: Tags): Tags {
  if (tags.extra?.[VIRTUAL_KEY_TAG] === undefined) return tags;
  const { [VIRTUAL_KEY_TAG]: _dropped, ...extra } = tags.extra;
  const { extra: _old, ...rest } = tags;
  return Object.keys(extra).length > 0 ? { ...rest, extra } : rest;
}
