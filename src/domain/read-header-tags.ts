import { isTagKey, setFreeTag, type Tags } from './tags.ts';

/** Request headers by lower-case name, as Node gives them. */
type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

/** The six tags' headers (PRODUCT.md §2); `environment` travels as x-tokenops-env. */
export const TAG_HEADERS = {
  team: 'x-tokenops-team',
  service: 'x-tokenops-service',
  feature: 'x-tokenops-feature',
  environment: 'x-tokenops-env',
  customer: 'x-tokenops-customer',
  user: 'x-tokenops-user',
} as const;

export const TAG_HEADER_NAMES: readonly string[] = [
  ...Object.values(TAG_HEADERS),
  'x-tokenops-tags',
];

/** Taken once: the headers are read on every gateway call. */
const TAG_HEADER_ENTRIES = Object.entries(TAG_HEADERS);

/** Tags from the attribution headers; `x-tokenops-tags: k=v;k2=v2` adds free tags (or the six). */
export function readHeaderTags(headers: HeaderMap): Tags {
  const tags: Tags = {};
  for (const [key, header] of TAG_HEADER_ENTRIES) {
    const value = single(headers[header]);
    if (value) tags[key as keyof typeof TAG_HEADERS] = value;
  }
  const free = single(headers['x-tokenops-tags']);
  if (!free) return tags;
  for (const pair of free.split(';')) {
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const key = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    if (!key || !value) continue;
    if (isTagKey(key)) tags[key] ??= value;
    else setFreeTag((tags.extra ??= {}), key, value);
  }
  return tags;
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
