/** The six attribution tags every report can group by; anything else is a free tag. */
export const TAG_KEYS = ['team', 'service', 'feature', 'environment', 'customer', 'user'] as const;

export type TagKey = (typeof TAG_KEYS)[number];

/** What a report shows for a call that carried no value for a tag. */
export const UNATTRIBUTED = '(unattributed)';

export type Tags = Partial<Record<TagKey, string>> & {
  /** Free key/values beyond the six (`x-tokenops-tags: k=v;k2=v2`). */
  extra?: Record<string, string>;
};

export function isTagKey(key: string): key is TagKey {
  return (TAG_KEYS as readonly string[]).includes(key);
}

/** Tags from flat key/values (`{ team: 'a', region: 'eu' }`): the six by name, the rest free. */
export function tagsFromFlat(flat: Iterable<readonly [string, string]>): Tags {
  const tags: Tags = {};
  const extra: Record<string, string> = {};
  for (const [key, value] of flat) {
    if (isTagKey(key)) tags[key] = value;
    else setFreeTag(extra, key, value);
  }
  if (Object.keys(extra).length > 0) tags.extra = extra;
  return tags;
}

/**
 * Sets a free tag as an own property: a plain assignment to a key named `__proto__` would
 * replace the object's prototype and the tag would be lost.
 */
export function setFreeTag(extra: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(extra, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A tag → value map a call must carry in full (budget scopes, policy matches); {} takes all. */
export type TagScope = Readonly<Record<string, string>>;

/** Whether the tags carry every key of the scope with its value (six tags by name, others free). */
export function matchesScope(scope: TagScope, tags: Tags): boolean {
  for (const [key, value] of Object.entries(scope)) {
    const carried = isTagKey(key) ? tags[key] : tags.extra?.[key];
    if (carried !== value) return false;
  }
  return true;
}
