import { TAG_KEYS, UNATTRIBUTED, type Tags } from '../../domain/tags.ts';

/** The prefix of every tag tokenops derives, declared in the metadata (reference §5). */
export const TOKENOPS_TAG_PREFIX = 'tokenops/';

/**
 * The FOCUS Tags column: a JSON object of the call's tags, null when it has none. User tags
 * (the six, then free keys) go in unprefixed; tags tokenops derives carry `tokenops/`, and a
 * free key that claims the prefix is dropped, so a consumer can trust it. `(unattributed)` is a
 * report label, not a tag value, so an untagged dimension is simply absent.
 */
export function focusTags(
  tags: Tags,
  derived: Readonly<Record<string, string>> = {},
): string | null {
  const entries: [string, string | undefined][] = [
    ...TAG_KEYS.map((key): [string, string | undefined] => [key, tags[key]]),
    ...sortedEntries(tags.extra ?? {}).filter(([key]) => !key.startsWith(TOKENOPS_TAG_PREFIX)),
    ...sortedEntries(derived).map(([key, value]): [string, string] => [
      `${TOKENOPS_TAG_PREFIX}${key}`,
      value,
    ]),
  ];
  const kept = new Map<string, string>();
  for (const [key, value] of entries) {
    // A free key repeating one of the six loses: keys must be unique and the six come first.
    if (value === undefined || value === '' || value === UNATTRIBUTED || kept.has(key)) continue;
    kept.set(key, value);
  }
  return kept.size > 0 ? JSON.stringify(Object.fromEntries(kept)) : null;
}

function sortedEntries(record: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
