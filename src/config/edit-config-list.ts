import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Document, isSeq, parseDocument } from 'yaml';
import { ConfigError } from '../domain/errors/index.ts';
import { parseConfigText } from './load-config.ts';

/**
 * Appends an entry to the list at `at` (e.g. ['keys'] or ['auth', 'tokens']) in tokenops.yaml,
 * creating the file or the list when needed. Comments and layout of the rest of the file are
 * kept; the result is validated before it is written, so a bad edit never replaces a good file.
 */
export function addListEntry(path: string, at: readonly string[], entry: object): void {
  const document = parseDocument(existsSync(path) ? readFileSync(path, 'utf8') : '');
  if (document.contents === null) {
    const nested = at.reduceRight<unknown>((value, key) => ({ [key]: value }), [entry]);
    writeChecked(path, new Document(nested).toString());
    return;
  }
  const list = document.getIn(at);
  if (isSeq(list)) list.add(document.createNode(entry));
  else document.setIn(at, document.createNode([entry]));
  writeChecked(path, document.toString());
}

/** Removes the entries of the list at `at` that `matches`; returns how many were removed. */
export function removeListEntries(
  path: string,
  at: readonly string[],
  matches: (entry: Record<string, unknown>) => boolean,
): number {
  if (!existsSync(path)) return 0;
  const document = parseDocument(readFileSync(path, 'utf8'));
  const list = document.getIn(at);
  if (!isSeq(list)) return 0;
  const before = list.items.length;
  list.items = list.items.filter(
    (item) => !matches((item as { toJSON(): unknown }).toJSON() as Record<string, unknown>),
  );
  const removed = before - list.items.length;
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
