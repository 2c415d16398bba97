#!/usr/bin/env node
// Runs the bundle in dist/ (scripts/ensure-cli-built.js; npm start, npm test and npm run build
// make it) when it is newer than every source file, and otherwise the TypeScript sources
// through tsx's loader, so an edited source takes effect at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function bundleIsFresh() {
  const stamp = join(root, 'dist', 'built');
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const newer = (file) => statSync(file).mtimeMs > built;
  if (['package.json', 'package-lock.json'].some((file) => newer(join(root, file)))) return false;
  const sources = readdirSync(join(root, 'src'), { withFileTypes: true, recursive: true });
  return !sources.some(
    (entry) => entry.isFile() && newer(join(entry.parentPath ?? entry.path, entry.name)),
  );
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import('../dist/tokenops.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
// Let a started server keep the process alive; otherwise leave with the command's status.
if (code !== 0) process.exit(code);
