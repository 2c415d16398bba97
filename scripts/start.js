// `npm start`: the dashboard built if needed, the embedded store with the demo workload loaded,
// then the server.
// Extra arguments go to `tokenops start` (npm start -- --port 9000).
import { spawnSync } from 'node:child_process';

const tokenops = (args) =>
  spawnSync(process.execPath, ['bin/tokenops.js', ...args], { stdio: 'inherit' }).status ?? 1;

const built = spawnSync(process.execPath, ['scripts/ensure-web-built.js'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const loaded = tokenops(['demo', '--days', '30', '--if-empty']);
if (loaded !== 0) process.exit(loaded);
process.exit(tokenops(['start', ...process.argv.slice(2)]));
