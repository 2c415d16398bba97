// Builds the dashboard (web/ → web/dist) when the build is missing or older than its sources,
// so `npm start` and the browser tests work on a fresh clone. Plain Node, like ensure-installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const built = join(root, 'web', 'dist', 'index.html');

function newestSource() {
  const sources = readdirSync(join(root, 'web'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !file.includes(`${join('web', 'dist')}`));
  return Math.max(
    statSync(join(root, 'package-lock.json')).mtimeMs,
    ...sources.map((file) => statSync(file).mtimeMs),
  );
}

if (!existsSync(built) || statSync(built).mtimeMs < newestSource()) {
  process.stderr.write('tokenops: building the dashboard (npm run build:web)…\n');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web'],
    {
      cwd: root,
      stdio: ['ignore', process.argv.includes('--quiet') ? 'ignore' : 'inherit', 'inherit'],
    },
  );
}
