/** Commander reducer for repeatable options such as --where. */
export function collectOption(value: string, previous: string[]): string[] {
  return [...previous, value];
}
