import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';

const NEWLINE = 0x0a;

/**
 * An events file in batches of bytes the events API would take: NDJSON streamed
 * `linesPerBatch` lines at a time (a file of any size), a JSON array read whole. `.gz` files
 * are unpacked on the way. Bytes, not text: decoding is the reader's, so a line that is not
 * UTF-8 is refused instead of being stored with replacement characters.
 */
export async function* readEventFile(
  path: string,
  linesPerBatch: number,
): AsyncIterable<{ body: Buffer; bytes: number }> {
  const file = createReadStream(path);
  const input: AsyncIterable<Buffer> = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  const chunks = input[Symbol.asyncIterator]();
  const head = await chunks.next();
  if (head.done) return;
  if (/^\uFEFF?\s*\[/.test(head.value.subarray(0, 64).toString('utf8'))) {
    const whole = [head.value];
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      whole.push(next.value);
    }
    yield { body: Buffer.concat(whole), bytes: statSync(path).size };
    return;
  }
  let pending: Buffer[] = [];
  let lines = 0;
  let consumed = 0;
  for (let next: IteratorResult<Buffer> = head; !next.done; next = await chunks.next()) {
    const chunk = next.value;
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) {
      lines += 1;
      if (lines < linesPerBatch) continue;
      pending.push(chunk.subarray(start, at + 1));
      yield { body: Buffer.concat(pending), bytes: file.bytesRead - consumed };
      consumed = file.bytesRead;
      pending = [];
      lines = 0;
      start = at + 1;
    }
    pending.push(chunk.subarray(start));
  }
  const rest = Buffer.concat(pending);
  // Trailing blank lines are no batch (the reader would refuse an empty one).
  if (rest.some((byte) => byte > 0x20)) yield { body: rest, bytes: file.bytesRead - consumed };
}
