import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { aptInstall } from './apt-install.ts';
import { freeLoopbackPorts, stopChild } from './clickhouse-server.ts';

export interface ZooKeeperServer {
  host: string;
  port: number;
  /** Seconds spent installing the package (0 when it was there) and starting the server. */
  installSeconds: number;
  startSeconds: number;
  stop(): Promise<void>;
  /** Stops it (when running) and starts it again on the same port and data. */
  restart(): Promise<void>;
}

/** Debian's package: the server jar (its manifest names the jars it needs) and a JRE. */
const JAR = '/usr/share/java/zookeeper.jar';
const JAVA = '/usr/bin/java';
/** slf4j's simple logger (the package depends on it): ZooKeeper logs to zookeeper.log. */
const LOGGER = '/usr/share/java/slf4j-simple.jar';
const READY_WITHIN_MS = 30_000;
const PROBE_TIMEOUT_MS = 1_000;

/**
 * A private standalone ZooKeeper for one test file: Debian's `zookeeper` package (installed
 * with apt-get when missing), run as this process's child (no systemd) with its own data
 * directory under `where`, on a free loopback port. Throws saying why when it cannot be
 * installed or started: a suite that needs it must fail, never skip silently.
 */
export async function startZooKeeperServer(where: string): Promise<ZooKeeperServer> {
  const directory = resolve(where);
  const installStarted = performance.now();
  const installed = !existsSync(JAR) || !existsSync(JAVA);
  if (installed) aptInstall('zookeeper');
  if (!existsSync(JAR) || !existsSync(JAVA)) {
    throw new Error(`apt-get installed zookeeper, but ${JAR} or ${JAVA} is missing`);
  }
  const installSeconds = installed ? (performance.now() - installStarted) / 1000 : 0;
  const [port] = await freeLoopbackPorts(1);
  const config = writeConfig(directory, port!);
  const log = join(directory, 'zookeeper.log');
  const launch = async () => {
    const output = openSync(log, 'a');
    const child = spawn(
      JAVA,
      [
        '-Xmx128m',
        '-cp',
        `${JAR}:${LOGGER}`,
        'org.apache.zookeeper.server.ZooKeeperServerMain',
        config,
      ],
      { cwd: directory, stdio: ['ignore', output, output] },
    );
    closeSync(output);
    await waitUntilReady(child, port!, () => readFileSync(log, 'utf8'));
    return child;
  };
  const startStarted = performance.now();
  let child = await launch();
  return {
    host: '127.0.0.1',
    port: port!,
    installSeconds,
    startSeconds: (performance.now() - startStarted) / 1000,
    stop: () => stopChild(child),
    restart: async () => {
      await stopChild(child);
      child = await launch();
    },
  };
}

/**
 * Standalone, loopback only. A short tick lets sessions be as short as a test wants (2–20
 * ticks); the admin server (an HTTP port) is off; `srvr` answers the readiness probe.
 */
function writeConfig(directory: string, port: number): string {
  const data = join(directory, 'data');
  mkdirSync(data, { recursive: true });
  const path = join(directory, 'zoo.cfg');
  writeFileSync(
    path,
    [
      'tickTime=500',
      `dataDir=${data}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      'admin.enableServer=false',
      '4lw.commands.whitelist=srvr',
      '',
    ].join('\n'),
  );
  return path;
}

async function waitUntilReady(child: ChildProcess, port: number, log: () => string): Promise<void> {
  const deadline = performance.now() + READY_WITHIN_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `zookeeper exited with code ${child.exitCode} before answering: ${lastLines(log())}`,
      );
    }
    // Not `ruok`: it answers imok before the server takes sessions; `srvr` says it is serving.
    if ((await fourLetterWord(port, 'srvr')).startsWith('Zookeeper version')) return;
    // Polling a real server process: there is no event to wait on.
    await sleep(100, undefined, { ref: false });
  }
  await stopChild(child);
  throw new Error(
    `zookeeper did not answer srvr on 127.0.0.1:${port} within ${READY_WITHIN_MS / 1000} s: ${lastLines(log())}`,
  );
}

/**
 * ZooKeeper's answer to a four-letter command, '' while it is not listening. Bounded: one
 * asked while it starts may never be answered or closed (seen: an error closing the socket).
 */
function fourLetterWord(port: number, word: string): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.end(word));
    socket.setTimeout(PROBE_TIMEOUT_MS, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(''));
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ') || 'nothing in its log';
}
