/**
 * `*` matches any run of characters; everything else is literal. Case-insensitive, as the
 * price catalog matches model names (price rules and model policies take the same globs).
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 'i');
}
