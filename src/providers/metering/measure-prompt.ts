import { LRUCache } from 'lru-cache';
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
 * Loads an encoding's counter synchronously (see encodingFromRankFile); given by the caller,
 * which can read the package's rank file.
 */
export type LoadEncoding = (encoding: LocalEncoding) => { countTokens: CountTokens };

/**
 * Counts a request's system prompt and tool definitions and hashes them into a fingerprint.
 * System prompts repeat across calls, so counts are cached by fingerprint: the tokenizer runs
 * once per distinct prompt, not per call. No text is kept, only counts and hashes. o200k_base
 * (GPT-4o and later, and the estimate for every other provider) loads now; cl100k_base (older
 * GPT-4 and 3.5) on its first call — each holds tens of MB once loaded.
 */
export function createPromptMeasurer(
  sha256Hex: Sha256Hex,
  loadEncoding: LoadEncoding,
): {
  measure: (facts: RequestFacts, encoding: LocalEncoding) => PromptMeasure | undefined;
  /** o200k_base count of any text (estimates for calls cut before usage arrived). */
  countTokens: CountTokens;
  /** A count in the given encoding (the model's own where public), e.g. for context ceilings. */
  countTokensIn: (encoding: LocalEncoding, text: string) => number;
} {
  const loaded: Partial<Record<LocalEncoding, CountTokens>> = {};
  const counter = (encoding: LocalEncoding): CountTokens => {
    const known = loaded[encoding];
    if (known) return known;
    const module = loadEncoding(encoding);
    return (loaded[encoding] = (text) => module.countTokens(text));
  };
  const countO200k = counter('o200k_base');
  // An LRU, not a Map evicting its first key: V8 scans past a Map's deleted entries on every
  // such eviction, ~9 µs a call once a gateway has seen 10,000 distinct prompts.
  const cache = new LRUCache<string, PromptComposition>({ max: CACHE_LIMIT });
  const measure = (facts: RequestFacts, encoding: LocalEncoding): PromptMeasure | undefined => {
    const system = facts.systemPrompt?.trim() ?? '';
    const tools = facts.toolDefinitions ?? '';
    if (!system && !tools) return undefined;
    const fingerprint = fingerprintPrompt(sha256Hex, system, tools);
    const key = `${encoding}:${fingerprint}`;
    let composition = cache.get(key);
    if (!composition) {
      const count = counter(encoding);
      composition = {
        systemPromptTokens: system ? count(system) : 0,
        toolDefinitionTokens: tools ? count(tools) : 0,
      };
      cache.set(key, composition);
    }
    return { composition, fingerprint };
  };
  return {
    measure,
    countTokens: countO200k,
    countTokensIn: (encoding, text) => counter(encoding)(text),
  };
}

/** Whitespace runs collapse so reformatting a prompt keeps its fingerprint. */
function fingerprintPrompt(sha256Hex: Sha256Hex, system: string, tools: string): string {
  return sha256Hex(`${system.replace(/\s+/g, ' ')}\u0000${tools}`).slice(0, 16);
}
