import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/**
 * The column names on a CSV file's first line (gzipped files too). DuckDB then reads the
 * file with these columns declared, so a malformed row is reported by its line number
 * instead of failing the dialect sniffing as a whole.
 */
export async function readCsvHeader(path: string): Promise<string[]> {
  const file = createReadStream(path);
  const input = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return splitHeader(line.replace(/^\uFEFF/, ''));
    return [];
  } finally {
    lines.close();
    file.destroy();
  }
}

function splitHeader(line: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (quoted && character === '"' && line[index + 1] === '"') {
      current += '"';
      index += 1;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (character === ',' && !quoted) {
      names.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  names.push(current);
  return names;
}
