import { spawnSync } from 'node:child_process';

const APT_LOCK = '/tmp/tokenops-apt.lock';

/**
 * Installs a Debian package for a suite that needs it (a server the test starts). Throws
 * saying how to install it when that cannot be done here: such a suite fails, never skips.
 */
export function aptInstall(name: string): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${name} is not installed and only root can install it: run \`sudo apt-get install -y ${name}\``,
    );
  }
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // One lock for every install of the test files (one apt-get at a time across them), and the
  // dpkg lock timeout waits out any other apt-get on the machine.
  const apt = (...args: string[]) =>
    spawnSync('flock', [APT_LOCK, 'apt-get', '-o', 'DPkg::Lock::Timeout=600', ...args], {
      env: environment,
    });
  const run = () => apt('install', '-y', name);
  let result = run();
  if (result.status !== 0) {
    // Package lists may be missing on a fresh machine.
    apt('update');
    result = run();
  }
  if (result.status !== 0) {
    const output = `${result.stderr?.toString() ?? ''}${result.error?.message ?? ''}`;
    throw new Error(
      `apt-get install -y ${name} failed (exit ${result.status ?? 'none'}): ${output.trim().split('\n').slice(-3).join(' | ')}`,
    );
  }
}
