import type { UsageEvent } from './usage-event.ts';

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

/**
 * Events this process wrote as NDJSON (the gateway's spool), read back without validation:
 * they were built by tokenops itself. A kill can leave the last line half-written — it belongs
 * to a response that never completed — so a line that is not JSON is counted and skipped.
 */
export function readEventLines(bytes: Uint8Array): { events: UsageEvent[]; skipped: number } {
  const events: UsageEvent[] = [];
  let skipped = 0;
  for (let start = 0; start < bytes.length;) {
    const found = bytes.indexOf(NEWLINE, start);
    const end = found === -1 ? bytes.length : found;
    if (end > start) {
      try {
        events.push(JSON.parse(decoder.decode(bytes.subarray(start, end))) as UsageEvent);
      } catch {
        skipped += 1;
      }
    }
    start = end + 1;
  }
  return { events, skipped };
}
