import type { Store } from '../store/store.ts';
import type { CliContext } from './cli-context.ts';

/** Opens the configured store for one command and always closes it (releasing the file lock). */
export async function withStore<T>(
  cli: CliContext,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await cli.openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
