/**
 * The provider a FOCUS row bills for, in the names tokenops uses. Clouds resell models, so the
 * service decides first (Bedrock on AWS, Vertex AI or the Gemini API on Google, Azure OpenAI
 * on Microsoft); a model vendor billing directly is its own provider. Anything else is the
 * service provider's name in lower case, hyphenated.
 */
export function focusProvider(
  serviceProviderName: string,
  serviceName: string | undefined,
): string {
  const service = (serviceName ?? '').toLowerCase();
  const provider = serviceProviderName.trim().toLowerCase();
  if (service.includes('bedrock')) return 'bedrock';
  if (service.includes('vertex') || service.includes('gemini')) return 'gemini';
  if (service.includes('azure openai') || service.includes('foundry')) return 'azure';
  const known: Record<string, string> = {
    openai: 'openai',
    anthropic: 'anthropic',
    aws: 'bedrock',
    'amazon web services': 'bedrock',
    google: 'gemini',
    'google cloud': 'gemini',
    microsoft: 'azure',
  };
  return known[provider] ?? provider.replace(/\s+/g, '-');
}
