import type { StreamUsageReader } from '../wire-protocol.ts';

export interface FedStream {
  /** Every byte the reader passed on, from push and end, in order. */
  passed: Uint8Array;
  /** True when each push returned the very chunk it was given (no copy). */
  sameChunks: boolean;
}

/**
 * Test support for every protocol's stream reader: feeds `bytes` to the reader `size` bytes
 * at a time, the way a socket might split them, and collects what it passes on.
 */
export function feedStreamReader(
  reader: StreamUsageReader,
  bytes: Uint8Array,
  size: number,
): FedStream {
  const outputs: Uint8Array[] = [];
  let sameChunks = true;
  for (let offset = 0; offset < bytes.length; offset += size) {
    const chunk = bytes.subarray(offset, offset + size);
    const passed = reader.push(chunk);
    sameChunks &&= passed === chunk;
    outputs.push(passed);
  }
  outputs.push(reader.end());
  const passed = new Uint8Array(outputs.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of outputs) {
    passed.set(part, offset);
    offset += part.length;
  }
  return { passed, sameChunks };
}
