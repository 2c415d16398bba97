import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from '../../domain/errors/index.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { quoteClickHouseText } from './render-clickhouse-query.ts';

const POLL_MS = 50;
const WAIT_MS = 60_000;

/**
 * Returns once the mutations of the events table just made (`ALTER … DELETE`, `ALTER …
 * UPDATE`) are applied, so a reader sees them. ClickHouse applies them in the background,
 * part by part, and 18.16 cannot wait for them (no mutations_sync), so the store polls.
 *
 * On a replicated table each replica applies a mutation to its own parts, and system.mutations
 * shows only this replica's progress; a reader behind a load balancer may be on another. So
 * the wait covers every replica ZooKeeper counts active: each must list the newest mutation
 * as done. A replica that is down applies it when it is back, before which its reads miss it.
 */
export async function waitForClickHouseMutations(
  connection: ClickHouseConnection,
  /** What the mutations do, for the error: "deleting the demo events". */
  work: string,
): Promise<void> {
  const [replicated] = await connection.rows(
    `SELECT zookeeper_path FROM system.replicas
     WHERE database = currentDatabase() AND table = 'events'`,
  );
  const pending =
    replicated === undefined
      ? () => localMutationsPending(connection)
      : await replicasPending(connection, String(replicated.zookeeper_path));
  let waitingFor = await pending();
  for (let waited = 0; waitingFor !== undefined && waited < WAIT_MS; waited += POLL_MS) {
    await sleep(POLL_MS);
    waitingFor = await pending();
  }
  if (waitingFor === undefined) return;
  throw new StoreError(
    `ClickHouse did not finish ${work} within ${WAIT_MS / 1000} s (${waitingFor})`,
    'the change goes on in the background; check system.mutations (on every replica) and run the command again',
  );
}

/** What is still pending, or undefined once nothing is. */
type Pending = () => Promise<string | undefined>;

async function localMutationsPending(
  connection: ClickHouseConnection,
): Promise<string | undefined> {
  const [row] = await connection.rows(
    `SELECT count() AS mutations FROM system.mutations
     WHERE database = currentDatabase() AND table = 'events' AND is_done = 0`,
  );
  const mutations = Number(row?.mutations ?? 0);
  return mutations === 0 ? undefined : `${mutations} mutations pending`;
}

/**
 * A check that every active replica has applied the table's newest mutation (ours, or one
 * made since, which comes after ours: a replica applies them in order). Mutation ids are
 * ZooKeeper's sequential node names, so they compare as text.
 */
async function replicasPending(connection: ClickHouseConnection, table: string): Promise<Pending> {
  const children = (path: string) =>
    connection.rows(
      `SELECT name, value FROM system.zookeeper WHERE path = ${quoteClickHouseText(path)}`,
    );
  const mutation = (await children(`${table}/mutations`))
    .map((node) => String(node.name))
    .reduce((newest, name) => (name > newest ? name : newest), '');
  if (mutation === '') return () => Promise.resolve(undefined);
  return async () => {
    for (const replica of await children(`${table}/replicas`)) {
      const name = String(replica.name);
      const nodes = new Map(
        (await children(`${table}/replicas/${name}`)).map((node) => [
          String(node.name),
          String(node.value),
        ]),
      );
      const address = nodes.get('host');
      // Not active: it loads the mutation from ZooKeeper and applies it when it is back.
      if (!nodes.has('is_active') || address === undefined) continue;
      const pending = await replicaPending(connection, address, mutation);
      if (pending !== undefined) return `replica ${name} ${pending}`;
    }
    return undefined;
  };
}

/**
 * Reads a replica's system.mutations over its TCP port (`remote`), at the address it keeps
 * in ZooKeeper: "host: H\nport: P\ntcp_port: T\ndatabase: D\ntable: T\n…". A replica that
 * cannot be reached is waited for, until ZooKeeper stops counting it active (its session ends).
 */
async function replicaPending(
  connection: ClickHouseConnection,
  address: string,
  mutation: string,
): Promise<string | undefined> {
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(address)?.[1] ?? '';
  const host = field('host').includes(':') ? `[${field('host')}]` : field('host');
  const where = `${host}:${field('tcp_port')}`;
  try {
    const [row] = await connection.rows(
      `SELECT countIf(mutation_id = ${quoteClickHouseText(mutation)}) AS listed,
              countIf(is_done = 0) AS pending
       FROM remote(${quoteClickHouseText(where)}, system, mutations)
       WHERE database = ${quoteClickHouseText(field('database'))}
         AND table = ${quoteClickHouseText(field('table'))}
         AND mutation_id <= ${quoteClickHouseText(mutation)}`,
    );
    const done = Number(row?.listed ?? 0) > 0 && Number(row?.pending ?? 0) === 0;
    return done ? undefined : `at ${where} has not applied mutation ${mutation}`;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return `at ${where} cannot be read: ${error.message}`;
  }
}
