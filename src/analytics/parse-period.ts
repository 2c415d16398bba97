import { ValidationError } from '../domain/errors/index.ts';

export interface Period {
  label: string;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
}

/** A calendar month (`2026-10`) or a day (`2026-10-14`), UTC. */
export function parsePeriod(text: string, field: string): Period {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const year = Number(month[1]);
    const index = Number(month[2]) - 1;
    if (index >= 0 && index < 12) {
      return { label: text, from: Date.UTC(year, index, 1), to: Date.UTC(year, index + 1, 1) };
    }
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const from = Date.parse(`${text}T00:00:00Z`);
    if (!Number.isNaN(from) && new Date(from).toISOString().startsWith(text)) {
      return { label: text, from, to: from + 86_400_000 };
    }
  }
  throw new ValidationError(
    'invalid period',
    [{ field, reason: `"${text}" is not a month or a day` }],
    `write --${field} as YYYY-MM (a month) or YYYY-MM-DD (a day)`,
  );
}
