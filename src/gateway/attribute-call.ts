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
): Attribution | { refusal: GatewayRefusal } {
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
  if (key.providers && !key.providers.includes(upstream.name)) {
    return {
      refusal: {
        status: 403,
        type: 'virtual_key_scope',
        message: `the virtual key "${key.name}" may call ${key.providers.join(', ')}, not ${upstream.name}`,
        fix: `use a key made for ${upstream.name}, or add it to the key's providers in tokenops.yaml`,
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
    ...(key.allowsModel && key.models
      ? { modelScope: { name: key.name, models: key.models, allows: key.allowsModel } }
      : {}),
  };
}

export interface Attribution {
  tags: Tags;
  virtualKey?: string;
  /** The models the caller's virtual key is limited to, when it is. */
  modelScope?: { name: string; models: readonly string[]; allows: (model: string) => boolean };
}

/** Refuses a model the caller's virtual key is not made for (undefined: allowed). */
export function checkModelScope(
  attribution: Attribution,
  model: string | undefined,
): GatewayRefusal | undefined {
  const scope = attribution.modelScope;
  if (!scope || (model !== undefined && scope.allows(model))) return undefined;
  return {
    status: 403,
    type: 'virtual_key_scope',
    message:
      model === undefined
        ? `the virtual key "${scope.name}" is limited to models (${scope.models.join(', ')}), and this call names none the gateway can read`
        : `the virtual key "${scope.name}" may ask for ${scope.models.join(', ')}, not ${model}`,
    fix: 'ask for one of the key’s models, or use a key made for this one',
  };
}

/** Only the gateway names the virtual key a call used; a caller's header cannot. */
function withoutKeyTag(tags: Tags): Tags {
  if (tags.extra?.[VIRTUAL_KEY_TAG] === undefined) return tags;
  const { [VIRTUAL_KEY_TAG]: _dropped, ...extra } = tags.extra;
  const { extra: _old, ...rest } = tags;
  return Object.keys(extra).length > 0 ? { ...rest, extra } : rest;
}
