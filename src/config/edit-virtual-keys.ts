import type { VirtualKeyConfig } from './config-schema.ts';
import { addListEntry, removeListEntries } from './edit-config-list.ts';

/** Adds a virtual key's entry (hash and tags, never the key) to tokenops.yaml. */
export function addVirtualKey(path: string, entry: VirtualKeyConfig): void {
  addListEntry(path, ['keys'], entry);
}

/** Removes the keys whose name or hash is `nameOrHash`; returns how many were removed. */
export function removeVirtualKey(path: string, nameOrHash: string): number {
  return removeListEntries(
    path,
    ['keys'],
    (entry) => entry.name === nameOrHash || entry.hash === nameOrHash,
  );
}
