import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { text } from 'node:stream/consumers';

/**
 * An events file in batches of text the events API would take: NDJSON streamed line by line
 * (a file of any size), a JSON array read whole. `.gz` files are unpacked on the way.
 */
export async function* readEventFile(
  path: string,
  linesPerBatch: number,
): AsyncIterable<{ body: string; bytes: number }> {
  const open = () => {
    const file = createReadStream(path);
    return path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  };
  const first = await firstCharacter(open());
  if (first === '[') {
    yield { body: await text(open()), bytes: statSync(path).size };
    return;
  }
  const file = createReadStream(path);
  const lines = createInterface({
    input: path.endsWith('.gz') ? file.pipe(createGunzip()) : file,
    crlfDelay: Infinity,
  });
  let batch: string[] = [];
  let consumed = 0;
  for await (const line of lines) {
    batch.push(line);
    if (batch.length >= linesPerBatch) {
      yield { body: batch.join('\n'), bytes: file.bytesRead - consumed };
      consumed = file.bytesRead;
      batch = [];
    }
  }
  if (batch.length > 0) yield { body: batch.join('\n'), bytes: file.bytesRead - consumed };
}

async function firstCharacter(stream: NodeJS.ReadableStream): Promise<string | undefined> {
  for await (const chunk of stream) {
    const found = /\S/.exec(String(chunk));
    if (found) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return found[0];
    }
  }
  return undefined;
}
