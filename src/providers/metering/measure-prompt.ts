import type { PromptComposition } from '../../domain/token-classes.ts';
import type { RequestFacts } from '../wire-protocol.ts';

/** A public BPE encoding; providers whose tokenizer is not public are estimated with o200k_base. */
export type LocalEncoding = 'o200k_base' | 'cl100k_base';

export interface PromptMeasure {
  composition: PromptComposition;
  fingerprint: string;
}

type CountTokens = (text: string) => number;

const CACHE_LIMIT = 10_000;

/** Hex SHA-256 of a text; given by the caller, since this layer uses no Node built-ins. */
export type Sha256Hex = (text: string) => string;

/**
 * Counts a request's system prompt and tool definitions and hashes them into a fingerprint.
 * System prompts repeat across calls, so counts are cached by fingerprint: the tokenizer runs
 * once per distinct prompt, not per call. No text is kept, only counts and hashes.
 */
export async function createPromptMeasurer(sha256Hex: Sha256Hex): Promise<{
  measure: (facts: RequestFacts, encoding: LocalEncoding) => PromptMeasure | undefined;
  /** o200k_base count of any text (estimates for calls cut before usage arrived). */
  countTokens: CountTokens;
  /** A count in the given encoding (the model's own where public), e.g. for context ceilings. */
  countTokensIn: (encoding: LocalEncoding, text: string) => number;
}> {
  const [o200k, cl100k] = await Promise.all([
    import('gpt-tokenizer/encoding/o200k_base'),
    import('gpt-tokenizer/encoding/cl100k_base'),
  ]);
  const counters: Record<LocalEncoding, CountTokens> = {
    o200k_base: (text) => o200k.countTokens(text),
    cl100k_base: (text) => cl100k.countTokens(text),
  };
  const cache = new Map<string, PromptComposition>();
  const measure = (facts: RequestFacts, encoding: LocalEncoding): PromptMeasure | undefined => {
    const system = facts.systemPrompt?.trim() ?? '';
    const tools = facts.toolDefinitions ?? '';
    if (!system && !tools) return undefined;
    const fingerprint = fingerprintPrompt(sha256Hex, system, tools);
    const key = `${encoding}:${fingerprint}`;
    let composition = cache.get(key);
    if (!composition) {
      const count = counters[encoding];
      composition = {
        systemPromptTokens: system ? count(system) : 0,
        toolDefinitionTokens: tools ? count(tools) : 0,
      };
      // Map keeps insertion order: dropping the oldest entry bounds memory.
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(key, composition);
    }
    return { composition, fingerprint };
  };
  return {
    measure,
    countTokens: counters.o200k_base,
    countTokensIn: (encoding, text) => counters[encoding](text),
  };
}

/** Whitespace runs collapse so reformatting a prompt keeps its fingerprint. */
function fingerprintPrompt(sha256Hex: Sha256Hex, system: string, tools: string): string {
  return sha256Hex(`${system.replace(/\s+/g, ' ')}\u0000${tools}`).slice(0, 16);
}
