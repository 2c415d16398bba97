import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ClickHouseServer {
  /** `clickhouse://127.0.0.1:PORT/DATABASE` for store.url. */
  url(database: string): string;
  version: string;
  /** Seconds spent installing the package (0 when it was there) and starting the server. */
  installSeconds: number;
  startSeconds: number;
  stop(): Promise<void>;
}

const CANDIDATES = [
  '/usr/sbin/clickhouse-server',
  '/usr/bin/clickhouse-server',
  '/usr/bin/clickhouse',
];
const READY_WITHIN_MS = 30_000;
const STOP_GRACE_MS = 2_000;
const APT_LOCK = '/tmp/tokenops-apt.lock';

/**
 * A private ClickHouse server for one test file: Debian's clickhouse-server (installed with
 * apt-get when missing), its own data directory under `directory`, HTTP only, on a free
 * loopback port. Throws saying why when it cannot be installed or started: a suite that
 * needs it must fail, never skip silently.
 */
export async function startClickHouseServer(where: string): Promise<ClickHouseServer> {
  // The server runs in `directory` and reads its config by path: a relative one would miss.
  const directory = resolve(where);
  const installStarted = performance.now();
  const binary = findBinary() ?? install();
  const installSeconds = binary.installed ? (performance.now() - installStarted) / 1000 : 0;
  const port = await freeLoopbackPort();
  const config = writeConfig(directory, port);
  const startStarted = performance.now();
  const child = spawn(binary.path, [...binary.prefix, `--config-file=${config}`], {
    cwd: directory,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const version = await waitUntilReady(child, port, directory, () => stderr);
  const startSeconds = (performance.now() - startStarted) / 1000;
  return {
    url: (database) => `clickhouse://127.0.0.1:${port}/${database}`,
    version,
    installSeconds,
    startSeconds,
    stop: () => stopChild(child),
  };
}

function findBinary(): { path: string; prefix: string[]; installed: boolean } | undefined {
  const path = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) return undefined;
  // The single-binary builds of current releases run the server as `clickhouse server`.
  return { path, prefix: path.endsWith('/clickhouse') ? ['server', '--'] : [], installed: false };
}

function install(): { path: string; prefix: string[]; installed: boolean } {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'clickhouse-server is not installed and only root can install it: run `sudo apt-get install -y clickhouse-server`',
    );
  }
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // The same lock as the browser tests' install: one apt-get at a time across test files, and
  // the dpkg lock timeout waits out any other apt-get on the machine.
  const apt = (...args: string[]) =>
    spawnSync('flock', [APT_LOCK, 'apt-get', '-o', 'DPkg::Lock::Timeout=600', ...args], {
      env: environment,
    });
  const run = () => apt('install', '-y', 'clickhouse-server');
  let result = run();
  if (result.status !== 0) {
    // Package lists may be missing on a fresh machine.
    apt('update');
    result = run();
  }
  const found = findBinary();
  if (result.status !== 0 || !found) {
    const output = `${result.stderr?.toString() ?? ''}${result.error?.message ?? ''}`;
    throw new Error(
      `apt-get install -y clickhouse-server failed (exit ${result.status ?? 'none'}): ${output.trim().split('\n').slice(-3).join(' | ')}`,
    );
  }
  return { ...found, installed: true };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A config of its own: HTTP on one loopback port, no TCP/interserver ports, data under `directory`. */
function writeConfig(directory: string, port: number): string {
  const path = (name: string) => join(directory, name);
  for (const name of ['data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(path(name));
  // `<yandex>` is the root element 18.16 knows; current releases still accept it.
  writeFileSync(
    path('users.xml'),
    `<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`,
  );
  writeFileSync(
    path('config.xml'),
    `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${path('server.log')}</log><errorlog>${path('error.log')}</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${port}</http_port>
  <path>${path('data')}/</path>
  <tmp_path>${path('tmp')}/</tmp_path>
  <user_files_path>${path('user_files')}/</user_files_path>
  <format_schema_path>${path('format_schemas')}/</format_schema_path>
  <users_config>${path('users.xml')}</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
</yandex>
`,
  );
  return path('config.xml');
}

async function waitUntilReady(
  child: ChildProcess,
  port: number,
  directory: string,
  stderr: () => string,
): Promise<string> {
  const deadline = performance.now() + READY_WITHIN_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `clickhouse-server exited with code ${child.exitCode} before answering: ${whyItFailed(directory, stderr())}`,
      );
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/?query=SELECT%20version()`);
      if (response.ok) return (await response.text()).trim();
    } catch {
      // Not listening yet.
    }
    // Polling a real server process: there is no event to wait on.
    await sleep(100, undefined, { ref: false });
  }
  await stopChild(child);
  throw new Error(
    `clickhouse-server did not answer SELECT 1 on 127.0.0.1:${port} within ${READY_WITHIN_MS / 1000} s: ${whyItFailed(directory, stderr())}`,
  );
}

function whyItFailed(directory: string, stderr: string): string {
  const log = join(directory, 'error.log');
  const text = existsSync(log) ? readFileSync(log, 'utf8') : stderr;
  return text.trim().split('\n').slice(-3).join(' | ') || 'nothing in its error log';
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  // 18.16 here may not exit on SIGTERM at all (seen: over 30 s); its data is a temp directory
  // thrown away after the file, so a kill after a short grace loses nothing.
  const stopped = await Promise.race([
    exited.then(() => true),
    sleep(STOP_GRACE_MS, undefined, { ref: false }).then(() => false),
  ]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}
