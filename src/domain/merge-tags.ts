import { TAG_KEYS, type Tags } from './tags.ts';

/** Tags from several sources, earlier sources winning key by key. */
export function mergeTags(...sources: readonly Tags[]): Tags {
  const merged: Tags = {};
  for (const source of [...sources].reverse()) {
    for (const key of TAG_KEYS) {
      const value = source[key];
      if (value !== undefined) merged[key] = value;
    }
    if (source.extra) merged.extra = { ...merged.extra, ...source.extra };
  }
  return merged;
}
