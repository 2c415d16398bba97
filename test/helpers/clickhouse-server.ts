import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { aptInstall } from './apt-install.ts';

export interface ClickHouseServer {
  /** `clickhouse://127.0.0.1:PORT/DATABASE` for store.url. */
  url(database: string): string;
  /** The HTTP interface, `http://127.0.0.1:PORT`. */
  origin: string;
  version: string;
  /** Seconds spent installing the package (0 when it was there) and starting the server. */
  installSeconds: number;
  startSeconds: number;
  stop(): Promise<void>;
  /** Stops it (when running) and starts it again on the same config, ports and data. */
  restart(): Promise<void>;
}

/** The ports of one replica: HTTP (store.url), TCP (remote_servers), interserver (fetches). */
export interface ClickHouseReplicaPorts {
  http: number;
  tcp: number;
  interserver: number;
}

/** What makes a server one replica of a cluster of one shard (docs/deployment.md). */
export interface ClickHouseReplication {
  zookeeper: { host: string; port: number };
  /** The cluster's name in remote_servers. */
  cluster: string;
  /** Every replica of the shard, this one included, from `reserveClickHouseReplicaPorts`. */
  replicas: readonly ClickHouseReplicaPorts[];
  /** This server's place in `replicas`; its replica macro is `r1`, `r2`, … */
  replica: number;
}

const CANDIDATES = [
  '/usr/sbin/clickhouse-server',
  '/usr/bin/clickhouse-server',
  '/usr/bin/clickhouse',
];
const READY_WITHIN_MS = 30_000;
const STOP_GRACE_MS = 2_000;
/**
 * ZooKeeper ends a killed replica's session (and its is_active node, which a restart waits
 * out) after this long; ClickHouse's 30 s default would hold a test that restarts one.
 */
const ZOOKEEPER_SESSION_MS = 5_000;

/**
 * A private ClickHouse server for one test file: Debian's clickhouse-server (installed with
 * apt-get when missing), its own data directory under `directory`, HTTP only, on a free
 * loopback port; with `replication`, also TCP and interserver ports, ZooKeeper, the cluster
 * and its macros. Throws saying why when it cannot be installed or started: a suite that
 * needs it must fail, never skip silently.
 */
export async function startClickHouseServer(
  where: string,
  replication?: ClickHouseReplication,
): Promise<ClickHouseServer> {
  // The server runs in `directory` and reads its config by path: a relative one would miss.
  const directory = resolve(where);
  const installStarted = performance.now();
  const binary = findBinary() ?? install();
  const installSeconds = binary.installed ? (performance.now() - installStarted) / 1000 : 0;
  const own = replication?.replicas[replication.replica];
  const port = own?.http ?? (await freeLoopbackPorts(1))[0]!;
  const config = writeConfig(directory, port, replication);
  const launch = async () => {
    const child = spawn(binary.path, [...binary.prefix, `--config-file=${config}`], {
      cwd: directory,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return { child, version: await waitUntilReady(child, port, directory, () => stderr) };
  };
  const startStarted = performance.now();
  let running = await launch();
  const startSeconds = (performance.now() - startStarted) / 1000;
  return {
    url: (database) => `clickhouse://127.0.0.1:${port}/${database}`,
    origin: `http://127.0.0.1:${port}`,
    version: running.version,
    installSeconds,
    startSeconds,
    stop: () => stopChild(running.child),
    restart: async () => {
      await stopChild(running.child);
      running = await launch();
    },
  };
}

/** Ports for the replicas of one cluster, chosen before any starts: each config names all. */
export async function reserveClickHouseReplicaPorts(
  count: number,
): Promise<ClickHouseReplicaPorts[]> {
  const ports = await freeLoopbackPorts(count * 3);
  return Array.from({ length: count }, (_, index) => ({
    http: ports[index * 3]!,
    tcp: ports[index * 3 + 1]!,
    interserver: ports[index * 3 + 2]!,
  }));
}

function findBinary(): { path: string; prefix: string[]; installed: boolean } | undefined {
  const path = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) return undefined;
  // The single-binary builds of current releases run the server as `clickhouse server`.
  return { path, prefix: path.endsWith('/clickhouse') ? ['server', '--'] : [], installed: false };
}

function install(): { path: string; prefix: string[]; installed: boolean } {
  aptInstall('clickhouse-server');
  const found = findBinary();
  if (!found) {
    throw new Error(
      `apt-get installed clickhouse-server, but no server binary is at ${CANDIDATES.join(', ')}`,
    );
  }
  return { ...found, installed: true };
}

/** `count` distinct free loopback ports: all held open at once, so none is handed out twice. */
export async function freeLoopbackPorts(count: number): Promise<number[]> {
  const probes = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const probe = createServer();
          probe.once('error', reject);
          probe.listen(0, '127.0.0.1', () => resolve(probe));
        }),
    ),
  );
  const ports = probes.map((probe) => {
    const address = probe.address();
    if (typeof address !== 'object' || !address) throw new Error('no port');
    return address.port;
  });
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}

/**
 * A config of its own: HTTP on one loopback port, data under `directory`; no TCP or
 * interserver ports unless it is a replica.
 */
function writeConfig(
  directory: string,
  port: number,
  replication: ClickHouseReplication | undefined,
): string {
  const path = (name: string) => join(directory, name);
  for (const name of ['data', 'tmp', 'user_files', 'format_schemas']) {
    mkdirSync(path(name), { recursive: true });
  }
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
${replication ? replicaConfig(replication) : ''}</yandex>
`,
  );
  return path('config.xml');
}

/**
 * What 18.16 (and current releases) need for replicated tables and ON CLUSTER DDL: TCP (the
 * cluster's hosts, and how DDL finds its own host among them) and interserver ports (part
 * fetches), ZooKeeper, remote_servers with one shard of every replica, the shard and replica
 * macros, and the distributed DDL queue. docs/deployment.md shows the same for real hosts.
 */
function replicaConfig({ zookeeper, cluster, replicas, replica }: ClickHouseReplication): string {
  const own = replicas[replica];
  if (!own) throw new Error(`no replica ${replica} among ${replicas.length}`);
  const hosts = replicas
    .map(({ tcp }) => `        <replica><host>127.0.0.1</host><port>${tcp}</port></replica>`)
    .join('\n');
  return `  <tcp_port>${own.tcp}</tcp_port>
  <interserver_http_port>${own.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <zookeeper>
    <node index="1"><host>${zookeeper.host}</host><port>${zookeeper.port}</port></node>
    <session_timeout_ms>${ZOOKEEPER_SESSION_MS}</session_timeout_ms>
  </zookeeper>
  <remote_servers>
    <${cluster}>
      <shard>
        <internal_replication>true</internal_replication>
${hosts}
      </shard>
    </${cluster}>
  </remote_servers>
  <macros><shard>01</shard><replica>r${replica + 1}</replica></macros>
  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
`;
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

/** Stops a server started here (SIGTERM, then SIGKILL after a grace). */
export async function stopChild(child: ChildProcess): Promise<void> {
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
