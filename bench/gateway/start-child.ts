import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface ChildServer {
  readonly name: string;
  /** The http://127.0.0.1:PORT the child printed after "listening on". */
  readonly url: string;
  readonly pid: number;
  /** SIGTERM, then SIGKILL if it has not exited after the grace period; resolves on exit. */
  stop(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 10_000;

/**
 * Runs `node ARGS` as a server in its own process, so its memory can be read from /proc and it
 * does not share the load generator's event loop. Resolves once it prints its URL; a child that
 * fails to start is killed before the error is thrown, so nothing is left running.
 */
export async function startChild(options: {
  name: string;
  args: readonly string[];
  cwd?: string;
}): Promise<ChildServer> {
  // stdin stays a pipe: the bench's own children exit when it closes, should the bench die.
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, stdio: 'pipe' });
  const exited = once(child, 'exit');
  let output = '';
  const keep = (data: Buffer): void => {
    // Only the tail is kept: enough to explain a failure, bounded however chatty the child is.
    output = (output + data.toString()).slice(-4_000);
  };
  child.stderr.on('data', keep);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${options.name} did not start in ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stdout.on('data', (data: Buffer) => {
        keep(data);
        const match = LISTENING.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited (${signal ?? code}) before listening`));
      });
      child.once('error', reject);
    });
    return { name: options.name, url, pid: child.pid ?? 0, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}:\n${output}`, { cause: error });
  }
}
