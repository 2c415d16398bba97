/** Model families counted with o200k_base: GPT-4o onwards and the o-series reasoning models. */
const O200K = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o1|o3|o4|codex)/;

/** Older families counted with cl100k_base: GPT-4, GPT-3.5 and the embedding models. */
const CL100K = /^(gpt-4|gpt-3\.5|text-embedding-3|text-embedding-ada-002)/;

/**
 * The public tiktoken encoding of an OpenAI model, by family name; undefined for anything
 * else, such as a compatible server's own models or an Azure deployment named freely.
 * A router-style `openai/gpt-4o` counts as `gpt-4o`.
 */
export function openAiLocalEncoding(model: string): 'o200k_base' | 'cl100k_base' | undefined {
  const name = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  if (O200K.test(name)) return 'o200k_base';
  if (CL100K.test(name)) return 'cl100k_base';
  return undefined;
}
