import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection kept, for
 * `tokenops start`. V8's own factor (up to 4×) suits short programs; a gateway's garbage is
 * the per-call objects that outlive two scavenges, and it let a gateway holding ~30 MB of live
 * old objects grow that space to 70–100 MB under load (docs/gateway.md, memory). At 50 % the
 * peak RSS of a saturated gateway fell from ~330 to ~280 MB, for a few more full collections
 * (6–7 against 2–3 in a 14 s run at 500 calls/s, each pausing 4–10 ms). The flag is read at
 * every collection, so setting it once the process runs takes effect.
 */
export const SERVER_HEAP_GROWING_PERCENT = 50;

/**
 * Sets the server's heap growth unless the user chose their own (in NODE_OPTIONS or on node's
 * command line); returns whether it did.
 */
export function tuneServerHeap(execArgv: readonly string[], nodeOptions: string): boolean {
  const chosen = [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) =>
    /^--heap[-_]growing[-_]percent\b/.test(flag),
  );
  if (chosen) return false;
  setFlagsFromString(`--heap-growing-percent=${SERVER_HEAP_GROWING_PERCENT}`);
  return true;
}
