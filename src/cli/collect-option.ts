/** Commander reducer for repeatable options such as --where. */
export function collectOption(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The repeatable `--where` option of every report command. */
export const WHERE_OPTION = [
  '--where <KEY=VALUE>',
  'filter, repeatable: team=search, tag:region=eu',
  collectOption,
  [] as string[],
] as const;
