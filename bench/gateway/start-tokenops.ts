import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChild, type ChildServer } from './start-child.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tokenops.js');

/**
 * `tokenops start --port 0` as a user runs it: the real binary, a tokenops.yaml in its working
 * directory pointing OpenAI at the stand-in, a fresh data directory. With `cpuProfileDirectory`
 * the gateway runs under --cpu-prof and writes its profile there when it stops.
 */
export async function startTokenops(options: {
  standInUrl: string;
  workDirectory: string;
  cpuProfileDirectory?: string;
  /** More tokenops.yaml (routing, cache…), after the providers. */
  extraConfig?: string;
}): Promise<ChildServer> {
  mkdirSync(options.workDirectory, { recursive: true });
  writeFileSync(
    join(options.workDirectory, 'tokenops.yaml'),
    `providers:\n  openai:\n    baseUrl: ${options.standInUrl}\n${options.extraConfig ?? ''}\n`,
  );
  const profile = options.cpuProfileDirectory
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDirectory}`]
    : [];
  return startChild({
    name: 'tokenops',
    args: [...profile, BIN, '--data', join(options.workDirectory, 'data'), 'start', '--port', '0'],
    cwd: options.workDirectory,
  });
}
