import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tokenops.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `tokenops` binary in `cwd`, as a user would. */
export function runCli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runCliJson<T>(args: readonly string[], cwd: string): T {
  // Before the command: `import` and `ingest` use --format after it for the file's format.
  const result = runCli(['--format', 'json', ...args], cwd);
  if (result.status !== 0) throw new Error(`tokenops ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Starts `tokenops start` on a free port; resolves with its URL and a stop function. */
export async function startServer(
  args: readonly string[],
  cwd: string,
): Promise<{ url: string; pid: number; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, ...args, 'start', '--port', '0'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => reject(new Error(`tokenops start exited ${code}: ${output}`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    /** Everything the server printed so far, stdout and stderr. */
    output: () => output,
    // Stopping twice (a test, then its after hook) resolves at once the second time.
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Runs the real binary without blocking this process, for commands that call a stand-in
 * served by the test itself (a synchronous spawn would leave the stand-in unable to answer).
 */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
