// Installs the npm dependencies when they are missing or older than package-lock.json, so
// `npm start` and `npm test` work on a fresh clone. Plain Node: it runs before any dependency.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  process.stderr.write('tokenops: installing dependencies (npm ci)…\n');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
