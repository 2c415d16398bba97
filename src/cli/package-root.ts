import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding tokenops' package.json: the nearest one above this module, which is
 * src/cli/ when run from the sources and dist/ when run from the bundle.
 */
export function packageRoot(): string {
  let directory = import.meta.dirname;
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${import.meta.dirname}`);
    directory = parent;
  }
  return directory;
}
