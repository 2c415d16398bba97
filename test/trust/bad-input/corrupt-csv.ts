import type { SeededFuzz } from '../seeded-fuzz.ts';

/** Cell values that break a number, a date or the CSV itself. */
const BAD_CELLS = [
  'abc',
  '-1',
  '1e400',
  'NaN',
  'Infinity',
  '',
  '1,5',
  '99999999999999999999',
  '1e30',
  '"',
  '2026-13-45',
  '\u0000',
  '=1+1',
];

/**
 * One seeded corruption of a CSV export, of the kinds files really suffer: cut short, a
 * stray quote or comma, a cell swapped for garbage, a shuffled header, an odd character.
 */
export function corruptCsv(fuzz: SeededFuzz, text: string): string {
  const lines = text.split('\n');
  const row = 1 + fuzz.below(Math.max(1, lines.length - 2));
  const corruptions = [
    () => text.slice(0, fuzz.below(text.length)),
    () => fuzz.insert(text, fuzz.pick(['"', ',', '\n', '\r', '""'])),
    () => {
      const cells = (lines[row] ?? '').split(',');
      cells[fuzz.below(cells.length)] = fuzz.pick(BAD_CELLS);
      return [...lines.slice(0, row), cells.join(','), ...lines.slice(row + 1)].join('\n');
    },
    () => {
      const header = (lines[0] ?? '').split(',');
      const [left, right] = [fuzz.below(header.length), fuzz.below(header.length)];
      [header[left], header[right]] = [header[right] ?? '', header[left] ?? ''];
      return [header.join(','), ...lines.slice(1)].join('\n');
    },
    () => fuzz.insert(text, String.fromCharCode(fuzz.below(0xd800))),
    () => [lines[0], ...lines.slice(1).filter(() => fuzz.chance(0.5))].join('\n'),
  ];
  return fuzz.pick(corruptions)();
}
