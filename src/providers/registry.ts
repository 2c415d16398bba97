import { UnknownProviderError, ValidationError, type FieldIssue } from '../domain/errors/index.ts';
import { anthropicAdapter } from './anthropic/anthropic-adapter.ts';
import { azureAdapter } from './azure/azure-adapter.ts';
import { bedrockAdapter } from './bedrock/bedrock-adapter.ts';
import { geminiAdapter } from './gemini/gemini-adapter.ts';
import { openAiAdapter } from './openai/openai-adapter.ts';
import { createOpenAiCompatibleAdapter } from './openai-compatible/create-openai-compatible-adapter.ts';
import type { ProviderAdapter } from './provider-adapter.ts';

/** The one map of providers a deployment knows; everything else asks it by name. */
export interface ProviderRegistry {
  /** Throws UnknownProviderError (naming the known providers) for any other name. */
  get(name: string): ProviderAdapter;
  names(): string[];
}

/** An OpenAI-compatible provider from the config (`kind: openai-compatible`). */
export interface CompatibleProvider {
  name: string;
  /** The catalog's id for its prices; defaults to `name`. */
  catalogProviderId?: string;
}

const BUILT_IN: readonly ProviderAdapter[] = [
  openAiAdapter,
  anthropicAdapter,
  geminiAdapter,
  bedrockAdapter,
  azureAdapter,
];

export function createProviderRegistry(
  compatible: readonly CompatibleProvider[],
): ProviderRegistry {
  const adapters = new Map<string, ProviderAdapter>(
    BUILT_IN.map((adapter) => [adapter.name, adapter]),
  );
  const issues: FieldIssue[] = [];
  compatible.forEach((provider, index) => {
    if (adapters.has(provider.name)) {
      issues.push({
        field: `providers[${index}].name`,
        reason: `"${provider.name}" is already a provider`,
      });
      return;
    }
    adapters.set(
      provider.name,
      createOpenAiCompatibleAdapter(provider.name, provider.catalogProviderId),
    );
  });
  if (issues.length > 0) {
    throw new ValidationError(
      'OpenAI-compatible providers',
      issues,
      'give each OpenAI-compatible provider a name no built-in provider uses',
    );
  }
  const names = [...adapters.keys()];
  return {
    get(name) {
      const adapter = adapters.get(name);
      if (!adapter) throw new UnknownProviderError(name, names);
      return adapter;
    },
    names: () => [...names],
  };
}
