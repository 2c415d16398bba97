import { hash, randomBytes } from 'node:crypto';
import { globToRegExp } from '../domain/glob-to-reg-exp.ts';
import { isTagKey, type Tags } from '../domain/tags.ts';

/** Every virtual key starts so; a credential without it is a provider key. */
export const VIRTUAL_KEY_PREFIX = 'tok_';

export interface VirtualKey {
  name?: string;
  hash: string;
  tags: Readonly<Record<string, string>>;
  /** The only providers the key may call; absent: any. */
  providers?: readonly string[];
  /** The only models (globs) the key may ask for; absent: any. */
  models?: readonly string[];
}

export interface FoundVirtualKey {
  name: string;
  tags: Tags;
  providers?: readonly string[];
  /** Whether the key may ask for a model; absent when the key names no models. */
  allowsModel?: (model: string) => boolean;
  models?: readonly string[];
}

export interface VirtualKeyIndex {
  /** The key as configured, or undefined for a key that is not (or no longer) configured. */
  find(credential: string): FoundVirtualKey | undefined;
}

export function hashVirtualKey(key: string): string {
  return `sha256:${hash('sha256', key, 'hex')}`;
}

/** A new key: 32 random bytes, URL-safe. Shown once; only its hash is stored. */
export function generateVirtualKey(): string {
  return `${VIRTUAL_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Looks keys up by the SHA-256 of the credential: the configured hashes are the only copies
 * kept, and the key itself is never compared with anything. What a lookup's timing could
 * reveal is how much of a digest matched, which says nothing about any key.
 */
export function createVirtualKeyIndex(keys: readonly VirtualKey[]): VirtualKeyIndex {
  const byHash = new Map(
    keys.map((key) => {
      // Calls carry the name as a free tag (attributeCall), so its spend can be budgeted.
      const found: FoundVirtualKey = {
        name: key.name ?? key.hash.slice(0, 19),
        tags: toTags(key.tags),
      };
      if (key.providers) found.providers = key.providers;
      if (key.models) {
        const patterns = key.models.map(globToRegExp);
        found.models = key.models;
        found.allowsModel = (model) => patterns.some((pattern) => pattern.test(model));
      }
      return [key.hash, found];
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
