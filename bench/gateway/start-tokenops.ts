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
  /**
   * The data directory (default WORK/data): replicas of one tokenops.yaml share the working
   * directory and each keep their own spool. `name` tells them apart in errors.
   */
  dataDirectory?: string;
  name?: string;
}): Promise<ChildServer> {
  mkdirSync(options.workDirectory, { recursive: true });
  writeFileSync(
    join(options.workDirectory, 'tokenops.yaml'),
    `providers:\n  openai:\n    baseUrl: ${options.standInUrl}\n${options.extraConfig ?? ''}\n`,
  );
  const profile = options.cpuProfileDirectory
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDirectory}`]
    : [];
  const data = options.dataDirectory ?? join(options.workDirectory, 'data');
  return startChild({
    name: options.name ?? 'tokenops',
    args: [...profile, BIN, '--data', data, 'start', '--port', '0'],
    cwd: options.workDirectory,
  });
}
