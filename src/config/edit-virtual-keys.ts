import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Document, isSeq, parseDocument } from 'yaml';
import { ConfigError } from '../domain/errors/index.ts';
import type { VirtualKeyConfig } from './config-schema.ts';
import { parseConfigText } from './load-config.ts';

/**
 * Adds a virtual key's entry (hash and tags, never the key) to tokenops.yaml, creating the
 * file when needed. Comments and layout of the rest of the file are kept; the result is
 * validated before it is written, so a bad edit never replaces a good file.
 */
export function addVirtualKey(path: string, entry: VirtualKeyConfig): void {
  const document = parseDocument(existsSync(path) ? readFileSync(path, 'utf8') : '');
  if (document.contents === null) {
    writeChecked(path, new Document({ keys: [entry] }).toString());
    return;
  }
  const keys = document.get('keys');
  if (isSeq(keys)) keys.add(document.createNode(entry));
  else document.set('keys', document.createNode([entry]));
  writeChecked(path, document.toString());
}

/** Removes the keys whose name or hash is `nameOrHash`; returns how many were removed. */
export function removeVirtualKey(path: string, nameOrHash: string): number {
  if (!existsSync(path)) return 0;
  const document = parseDocument(readFileSync(path, 'utf8'));
  const keys = document.get('keys');
  if (!isSeq(keys)) return 0;
  const before = keys.items.length;
  keys.items = keys.items.filter((item) => {
    const entry = (item as { toJSON(): unknown }).toJSON() as Partial<VirtualKeyConfig>;
    return entry.name !== nameOrHash && entry.hash !== nameOrHash;
  });
  const removed = before - keys.items.length;
  if (removed > 0) writeChecked(path, document.toString());
  return removed;
}

function writeChecked(path: string, text: string): void {
  try {
    parseConfigText(text, path);
  } catch (error) {
    throw new ConfigError(
      `${path} would not be valid after this change: ${(error as Error).message}`,
      'fix the file first (tokenops start names the line), then run the command again',
    );
  }
  writeFileSync(path, text);
}
