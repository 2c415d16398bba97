import { setTimeout as sleep } from 'node:timers/promises';

/** Waits `milliseconds`; a zero pause costs no timer, which matters at benchmark rates. */
export async function pause(milliseconds: number): Promise<void> {
  if (milliseconds > 0) await sleep(milliseconds);
}
