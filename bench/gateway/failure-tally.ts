/** Failed calls of one run: how many, and how many of each kind (a status or an error code). */
export interface FailureTally {
  failed: number;
  kinds: Record<string, number>;
}

export function createFailureTally(): FailureTally {
  return { failed: 0, kinds: {} };
}

export function tallyFailure(tally: FailureTally, failure: string): void {
  tally.failed += 1;
  tally.kinds[failure] = (tally.kinds[failure] ?? 0) + 1;
}
