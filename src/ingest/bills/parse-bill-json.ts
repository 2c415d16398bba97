import { BillFileError } from '../../domain/errors/index.ts';

/**
 * The JSON of a usage or cost export, or a BillFileError with the line and column that
 * JSON.parse points at. V8 reports a position for most syntax errors and none for an
 * unexpected character (its message quotes the file instead, which we do not repeat); a file
 * cut short is reported at its end.
 */
export function parseBillJson(text: string, file: string, formatFix: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    throw new BillFileError(file, undefined, 'the file is empty', formatFix);
  }
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') {
    throw new BillFileError(
      file,
      'line 1, column 1',
      'this is not JSON (is it a CSV export?)',
      formatFix,
    );
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, ".*$/s, '')
      .replace(/^./, (letter) => letter.toLowerCase());
    // Cut short, the parser fails at the very end, worded by what it expected there.
    const end = body.trimEnd().length;
    const reported = Number(/position (\d+)/.exec(message)?.[1]);
    const truncated = /end of JSON input/i.test(message) || reported >= end;
    const position = truncated ? end : reported;
    const where = Number.isNaN(position) ? undefined : lineAndColumn(body, position);
    throw new BillFileError(
      file,
      where,
      truncated ? 'the JSON ends early: the file is cut short' : `invalid JSON: ${reason}`,
      truncated ? 'download or export the file again; nothing of it was imported' : formatFix,
    );
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
