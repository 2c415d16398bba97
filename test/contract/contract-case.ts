import { it } from 'node:test';

/**
 * Contract tests an adapter cannot pass yet, by title, each with the written reason node:test
 * prints. The tests themselves, and their assertions, stay the same for every adapter.
 */
export type ContractSkips = Readonly<Record<string, string>>;

const titles = new Set<string>();

/** node:test's `it`, skipping (with its reason) a title listed in `skips`. */
export function contractCase(skips: ContractSkips) {
  return (title: string, test: () => void | Promise<void>): void => {
    titles.add(title);
    const reason = skips[title];
    if (reason === undefined) it(title, test);
    else it(title, { skip: reason }, test);
  };
}

/** Skip titles that name no contract test registered so far (a renamed test, a typo). */
export function unknownContractSkips(skips: ContractSkips): string[] {
  return Object.keys(skips).filter((title) => !titles.has(title));
}
