import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** A fresh directory removed when the test file ends. */
export function tempDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), `tokenops-${prefix}-`));
  after(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}
