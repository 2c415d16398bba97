// Node 20's test runner takes no globs: list the *.test.ts files under src/ and test/ and
// hand them over. Arguments narrow the run: `npm run test:suites -- test/contract`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(directory) {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

const roots = process.argv.slice(2);
const files = (roots.length > 0 ? roots : ['src', 'test']).flatMap((root) =>
  root.endsWith('.test.ts') ? [root] : testFiles(root),
);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
