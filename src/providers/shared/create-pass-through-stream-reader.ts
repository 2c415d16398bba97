import type { StreamUsageReader } from '../wire-protocol.ts';

const EMPTY = new Uint8Array(0);

/** A reader for responses that never stream usage: every byte passes on untouched and nothing is read. */
export function createPassThroughStreamReader(): StreamUsageReader {
  return {
    push: (chunk) => chunk,
    end: () => EMPTY,
    firstTokenSeen: false,
    malformed: 0,
    reading: () => ({ outputCharacters: 0 }),
  };
}
