const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A bill's timestamp as epoch ms UTC, or undefined when it is not one. Accepts what exports
 * print: ISO 8601 (`2026-03-09T00:00:00.000Z`), a data warehouse's `2026-03-10 14:00:00 UTC`,
 * the tabular reader's text of a Parquet timestamp (`2026-03-09 00:00:00`, `…+00`), a bare
 * date, and the US `MM/DD/YYYY` dates some cost exports use. A time without a zone is UTC:
 * every export we read is in UTC, and guessing the importing machine's zone would shift days.
 */
export function parseBillTimestamp(text: string): number | undefined {
  const trimmed = text.trim();
  const us = US_DATE.exec(trimmed);
  if (us) return utc(Number(us[3]), Number(us[1]), Number(us[2]), 0, 0, 0, 0);
  const iso = ISO.exec(trimmed);
  if (!iso) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = iso;
  const milliseconds = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const local = utc(
    Number(year),
    Number(month),
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    milliseconds,
  );
  return local === undefined ? undefined : local - offsetMinutes(zone) * 60_000;
}

function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  milliseconds: number,
): number | undefined {
  const time = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  const date = new Date(time);
  // Date.UTC rolls 2026-02-30 over to March; a bill with such a date is corrupt, not early.
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return valid ? time : undefined;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc)$/i.test(zone)) return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0);
  return zone.startsWith('-') ? -minutes : minutes;
}
