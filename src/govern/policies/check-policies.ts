import { globToRegExp } from '../../domain/glob-to-reg-exp.ts';
import { TAG_HEADERS } from '../../domain/read-header-tags.ts';
import { isTagKey, type TagScope, type Tags } from '../../domain/tags.ts';
import type { GovernedCall, GovernRefusal } from '../governed-call.ts';
import type { Policy } from './policy.ts';

/**
 * The first rule a call breaks among the policies that apply to it, in config order: required
 * tags, then models, then the per-request token cap. Rate limits need shared counters and are
 * checked by the governor.
 */
export function checkPolicies(
  policies: readonly Policy[],
  call: GovernedCall,
  requestedTokens: () => { prompt: number; output: number },
): GovernRefusal | undefined {
  for (const policy of policies) {
    const missing = (policy.requireTags ?? []).filter((tag) => !carries(call.tags, tag));
    if (missing.length > 0) {
      return {
        status: 400,
        type: 'missing_required_tags',
        message: `policy "${policy.name}" requires the tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')} on calls${describe(policy.match)}`,
        fix: `send ${missing.map(headerFor).join(' and ')}, or change policies "${policy.name}" in tokenops.yaml`,
      };
    }
    const model = call.model ?? '';
    const denied = policy.denyModels?.some((glob) => globToRegExp(glob).test(model));
    const notAllowed =
      policy.allowModels && !policy.allowModels.some((glob) => globToRegExp(glob).test(model));
    if (denied || notAllowed) {
      return {
        status: 403,
        type: 'model_not_allowed',
        message: `policy "${policy.name}" does not allow the model ${model || '(none named)'}${describe(policy.match)}`,
        fix: policy.allowModels
          ? `use one of ${policy.allowModels.join(', ')}, or change policies "${policy.name}" in tokenops.yaml`
          : `use another model, or change policies "${policy.name}" in tokenops.yaml`,
      };
    }
    if (policy.maxTokensPerRequest !== undefined) {
      const { prompt, output } = requestedTokens();
      if (prompt + output > policy.maxTokensPerRequest) {
        return {
          status: 400,
          type: 'token_cap_exceeded',
          message: `this call asks for ${prompt + output} tokens (${prompt} prompt + ${output} output cap); policy "${policy.name}" allows at most ${policy.maxTokensPerRequest} per request${describe(policy.match)}`,
          fix: 'lower max_tokens or shorten the prompt, or raise maxTokensPerRequest in tokenops.yaml',
        };
      }
    }
  }
  return undefined;
}

export function describe(scope: TagScope): string {
  const parts = Object.entries(scope).map(([key, value]) => `${key}=${value}`);
  return parts.length === 0 ? '' : ` of ${parts.join(', ')}`;
}

function carries(tags: Tags, key: string): boolean {
  return Boolean(isTagKey(key) ? tags[key] : tags.extra?.[key]);
}

function headerFor(tag: string): string {
  return isTagKey(tag) ? TAG_HEADERS[tag] : `x-tokenops-tags: ${tag}=VALUE`;
}
