import type { ReportedUsage } from '../../domain/token-classes.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { UsageReading } from '../wire-protocol.ts';
import { geminiErrorKind } from './gemini-error-kind.ts';
import { readGeminiUsageMetadata } from './read-gemini-usage-metadata.ts';

/** Folds Gemini responses (one body, or each chunk of a stream) into one reading. */
export interface GeminiResponseTally {
  /** Reads one GenerateContentResponse; false when it is not a JSON object. */
  add(response: unknown): boolean;
  /** True once a response carried generated text, thoughts included, or a function call. */
  readonly firstTokenSeen: boolean;
  reading(): UsageReading;
}

/**
 * Streamed chunks repeat `usageMetadata` with running totals, so the latest one is the call's
 * usage and a chunk without it keeps the count it had. Generated characters add up across
 * chunks, since each chunk carries only its new text.
 */
export function createGeminiResponseTally(): GeminiResponseTally {
  let model: string | undefined;
  let reported: ReportedUsage | undefined;
  let errorKind: string | undefined;
  let outputCharacters = 0;
  let firstTokenSeen = false;
  return {
    add(value) {
      const response = asJsonObject(value);
      if (!response) return false;
      errorKind = geminiErrorKind(response) ?? errorKind;
      reported = readGeminiUsageMetadata(response.usageMetadata) ?? reported;
      if (typeof response.modelVersion === 'string') model = response.modelVersion;
      const generated = countGeneratedCharacters(response.candidates);
      if (generated.tokenSeen) firstTokenSeen = true;
      outputCharacters += generated.characters;
      return true;
    },
    get firstTokenSeen() {
      return firstTokenSeen;
    },
    reading: () =>
      withoutUndefined({
        model,
        reported: reported && { ...reported },
        errorKind,
        outputCharacters,
      }),
  };
}

/** Text parts (thought summaries are text parts with `thought: true`) and function calls. */
function countGeneratedCharacters(candidates: unknown): { characters: number; tokenSeen: boolean } {
  let characters = 0;
  let tokenSeen = false;
  if (!Array.isArray(candidates)) return { characters, tokenSeen };
  for (const candidate of candidates) {
    const parts = asJsonObject(asJsonObject(candidate)?.content)?.parts;
    if (!Array.isArray(parts)) continue;
    for (const value of parts) {
      const part = asJsonObject(value);
      if (typeof part?.text === 'string' && part.text.length > 0) {
        characters += part.text.length;
        tokenSeen = true;
      }
      if (asJsonObject(part?.functionCall)) {
        characters += JSON.stringify(part?.functionCall).length;
        tokenSeen = true;
      }
    }
  }
  return { characters, tokenSeen };
}
