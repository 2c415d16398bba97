import { createHash, randomBytes } from 'node:crypto';
import { isTagKey, type Tags } from '../domain/tags.ts';

/** Every virtual key starts so; a credential without it is a provider key. */
export const VIRTUAL_KEY_PREFIX = 'tok_';

export interface VirtualKey {
  name?: string;
  hash: string;
  tags: Readonly<Record<string, string>>;
}

export interface VirtualKeyIndex {
  /** The key's name and tags, or undefined for a key that is not (or no longer) configured. */
  find(credential: string): { name: string; tags: Tags } | undefined;
}

export function hashVirtualKey(key: string): string {
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/** A new key: 32 random bytes, URL-safe. Shown once; only its hash is stored. */
export function generateVirtualKey(): string {
  return `${VIRTUAL_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Looks keys up by hash: comparing hashes of a secret leaks nothing useful through timing,
 * and the configured hashes are the only copies kept.
 */
export function createVirtualKeyIndex(keys: readonly VirtualKey[]): VirtualKeyIndex {
  const byHash = new Map(
    keys.map((key) => {
      // Calls carry the name as a free tag (attributeCall), so its spend can be budgeted.
      const name = key.name ?? key.hash.slice(0, 19);
      return [key.hash, { name, tags: toTags(key.tags) }];
    }),
  );
  return { find: (credential) => byHash.get(hashVirtualKey(credential)) };
}

function toTags(values: Readonly<Record<string, string>>): Tags {
  const tags: Tags = {};
  for (const [key, value] of Object.entries(values)) {
    if (isTagKey(key)) tags[key] = value;
    else (tags.extra ??= {})[key] = value;
  }
  return tags;
}
