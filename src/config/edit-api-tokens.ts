import { createHash, randomBytes } from 'node:crypto';
import type { ApiTokenConfig } from './auth-schema.ts';
import { addListEntry, removeListEntries } from './edit-config-list.ts';

/** API tokens start so, unlike virtual keys (tok_), so a misplaced one is recognisable. */
const API_TOKEN_PREFIX = 'tka_';

/** A new API token: 32 random bytes, URL-safe. Shown once; only its hash is stored. */
export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiToken(token: string): string {
  return `sha256:${createHash('sha256').update(token).digest('hex')}`;
}

/** Adds a token's entry (name, role, team and hash, never the token) to tokenops.yaml. */
export function addApiToken(path: string, entry: ApiTokenConfig): void {
  addListEntry(path, ['auth', 'tokens'], entry);
}

/** Removes the tokens named `nameOrHash` (or with that hash); returns how many were removed. */
export function removeApiToken(path: string, nameOrHash: string): number {
  return removeListEntries(
    path,
    ['auth', 'tokens'],
    (entry) => entry.name === nameOrHash || entry.hash === nameOrHash,
  );
}
