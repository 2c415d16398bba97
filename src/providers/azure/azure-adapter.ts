import { createOpenAiCompatibleAdapter } from '../openai-compatible/create-openai-compatible-adapter.ts';

/**
 * Azure OpenAI returns OpenAI's usage object unchanged, so it is the OpenAI-compatible base
 * with Azure's own catalog prices (which can differ from OpenAI's by a fraction of a cent).
 * Global Batch deployments are half price; deployment names map to base models through the
 * `modelAliases` price override.
 */
export const azureAdapter = createOpenAiCompatibleAdapter('azure', 'azure');
