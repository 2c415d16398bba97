/**
 * Joins the non-empty texts with a newline; undefined when there is none, so "no system
 * prompt" stays distinct from an empty one.
 */
export function joinText(texts: readonly (string | undefined)[]): string | undefined {
  const present = texts.filter((text): text is string => text !== undefined && text.length > 0);
  return present.length === 0 ? undefined : present.join('\n');
}
