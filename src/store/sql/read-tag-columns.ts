import { TAG_KEYS, type Tags } from '../../domain/tags.ts';

/** The six tag columns and the free-tag JSON of a stored row, back as Tags. */
export function readTagColumns(row: Readonly<Record<string, unknown>>): Tags {
  const tags: Tags = {};
  for (const key of TAG_KEYS) {
    const value = row[`tag_${key}`];
    if (typeof value === 'string') tags[key] = value;
  }
  if (typeof row.extra_tags === 'string') {
    tags.extra = JSON.parse(row.extra_tags) as Record<string, string>;
  }
  return tags;
}
