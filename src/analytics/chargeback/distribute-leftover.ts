/**
 * Largest-remainder rounding's last step: `floors` are whole cents already given, `remainders`
 * what each item lost to the floor (all on one scale), `leftover` the cents still to give.
 * One cent goes to each of the items with the largest remainders; ties go to the earlier
 * item, so the same input always gives the same statement.
 */
export function distributeLeftover(
  floors: readonly bigint[],
  remainders: readonly bigint[],
  leftover: bigint,
): bigint[] {
  const result = [...floors];
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (let given = 0n; given < leftover; given += 1n) {
    const item = order[Number(given) % order.length];
    if (item) result[item.index] = (result[item.index] ?? 0n) + 1n;
  }
  return result;
}
