/**
 * OpenTelemetry provider names (`gen_ai.provider.name`, and the older spellings of the
 * deprecated `gen_ai.system`) → tokenops' own provider ids. Google's names all become gemini
 * and Azure's azure, since each is one provider to tokenops whichever endpoint served.
 */
const OTEL_TO_TOKENOPS: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  'aws.bedrock': 'bedrock',
  'azure.ai.openai': 'azure',
  'azure.ai.inference': 'azure',
  'az.ai.openai': 'azure',
  'az.ai.inference': 'azure',
  'gcp.gemini': 'gemini',
  'gcp.vertex_ai': 'gemini',
  'gcp.gen_ai': 'gemini',
  gemini: 'gemini',
  vertex_ai: 'gemini',
  mistral_ai: 'mistral',
  x_ai: 'xai',
};

/**
 * The tokenops provider for an OpenTelemetry name, if this deployment knows it: the mapped id,
 * or the name as given (or with `_` as `-`) for the OpenAI-compatible providers of the config
 * (groq, deepseek…).
 */
export function mapProviderName(
  otelName: string,
  knownProviders: readonly string[],
): string | undefined {
  const lower = otelName.toLowerCase();
  const candidates = [OTEL_TO_TOKENOPS[lower], lower, lower.replaceAll('_', '-')];
  return candidates.find(
    (candidate): candidate is string =>
      candidate !== undefined && knownProviders.includes(candidate),
  );
}
