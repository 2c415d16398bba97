import { normalizeOpenAiUsage } from '../openai/normalize-openai-usage.ts';
import { createOpenAiGateway } from '../openai/openai-gateway.ts';
import type { ProviderAdapter } from '../provider-adapter.ts';

/**
 * An OpenAI-compatible server (Azure OpenAI, Mistral, Groq, vLLM, Ollama…) speaks OpenAI's
 * wire format, so it counts tokens by OpenAI's rules. Its prices come from the catalog under
 * `catalogProviderId` (the name itself unless given); a self-hosted server usually has none
 * and is priced by a `selfHosted` override. Only batch has a default discount: flex and
 * priority are OpenAI's own offers. Its gateway has no default endpoint (the config gives the
 * server's baseUrl) and meters the OpenAI endpoints under any path prefix.
 */
export function createOpenAiCompatibleAdapter(
  name: string,
  catalogProviderId: string = name,
): ProviderAdapter {
  return {
    name,
    catalogProviderId,
    serviceTierMultipliers: { standard: 1, batch: 0.5, flex: 1, priority: 1 },
    normalizeReportedUsage: normalizeOpenAiUsage,
    gateway: createOpenAiGateway({ defaultBaseUrl: '', anyPathPrefix: true }),
  };
}
