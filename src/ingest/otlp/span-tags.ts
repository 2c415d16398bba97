import { tagsFromFlat, type Tags } from '../../domain/tags.ts';
import type { AttributeValue, OtlpSpan } from './otlp-span.ts';

const TOKENOPS_PREFIX = 'tokenops.';
/** `tokenops.env` is the short name the convention uses for the environment tag. */
const TOKENOPS_ALIASES: Readonly<Record<string, string>> = { env: 'environment' };
const MAX_TAG_VALUE = 256;

/**
 * A span's tags, weakest first so stronger sources overwrite: OpenTelemetry's own resource
 * attributes (service.name, deployment.environment[.name], user.id / enduser.id), then the
 * config's `otlp.tagAttributes`, then our `tokenops.*` attributes — each on the resource, then
 * on the span, since the span is the more specific.
 */
export function spanTags(span: OtlpSpan, tagAttributes: Readonly<Record<string, string>>): Tags {
  const flat = new Map<string, string>();
  const put = (tag: string, value: AttributeValue | undefined) => {
    const text = tagText(value);
    if (text !== undefined) flat.set(tag, text);
  };
  put('service', span.resource.get('service.name'));
  put('environment', span.resource.get('deployment.environment'));
  put('environment', span.resource.get('deployment.environment.name'));
  for (const attributes of [span.resource, span.attributes]) {
    put('user', attributes.get('enduser.id'));
    put('user', attributes.get('user.id'));
  }
  for (const attributes of [span.resource, span.attributes]) {
    for (const [attribute, tag] of Object.entries(tagAttributes))
      put(tag, attributes.get(attribute));
  }
  for (const attributes of [span.resource, span.attributes]) {
    for (const [key, value] of attributes) {
      if (!key.startsWith(TOKENOPS_PREFIX)) continue;
      const name = key.slice(TOKENOPS_PREFIX.length);
      put(TOKENOPS_ALIASES[name] ?? name, value);
    }
  }
  return tagsFromFlat(flat);
}

/** Scalars only: a list or map is content, not an attribution. */
function tagText(value: AttributeValue | undefined): string | undefined {
  if (typeof value === 'object' || value === undefined) return undefined;
  const text = String(value);
  return text === '' ? undefined : text.slice(0, MAX_TAG_VALUE);
}
