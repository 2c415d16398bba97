import type { PromptComposition } from '../domain/token-classes.ts';
import type { FeatureProfile } from './feature-profile.ts';

/** What one version of a feature's system prompt contributes to every call it is part of. */
export interface PromptVersion {
  systemPromptTokens: number;
  toolDefinitionTokens: number;
  /** Shared by every event of the version; frozen because many events point at it. */
  prompt: Readonly<PromptComposition> | undefined;
  fingerprint: string | undefined;
}

const NO_PROMPT: PromptVersion = {
  systemPromptTokens: 0,
  toolDefinitionTokens: 0,
  prompt: undefined,
  fingerprint: undefined,
};

/** One version per week for prompts that grow; built on first use and kept. */
export class PromptVersions {
  private readonly versions = new Map<FeatureProfile, PromptVersion[]>();

  at(feature: FeatureProfile, week: number): PromptVersion {
    if (feature.systemPromptTokens === undefined) return NO_PROMPT;
    const growth = feature.systemPromptWeeklyGrowth ?? 0;
    const version = growth > 0 ? week : 0;
    let known = this.versions.get(feature);
    if (known === undefined) {
      known = [];
      this.versions.set(feature, known);
    }
    return (known[version] ??= createVersion(feature, feature.systemPromptTokens, growth, version));
  }
}

function createVersion(
  feature: FeatureProfile,
  baseTokens: number,
  growth: number,
  version: number,
): PromptVersion {
  const systemPromptTokens = Math.round(baseTokens * (1 + growth) ** version);
  const toolDefinitionTokens = feature.toolDefinitionTokens ?? 0;
  const prompt: PromptComposition = { systemPromptTokens };
  if (feature.toolDefinitionTokens !== undefined)
    prompt.toolDefinitionTokens = toolDefinitionTokens;
  return {
    systemPromptTokens,
    toolDefinitionTokens,
    prompt: Object.freeze(prompt),
    fingerprint: fingerprint(
      `${feature.feature}/system-prompt/v${version + 1}/${systemPromptTokens}`,
    ),
  };
}

/** FNV-1a, 32 bits, as hex: the demo has no prompt text, only a stable name for each version. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return `fp-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
