import type { z } from 'zod';
import { closestKey, knownConfigKeys } from './known-config-keys.ts';

const DOCS = 'docs/configuration.md lists every key';

/**
 * One schema refusal as the reason and the fix a person reads: the key, what it holds that
 * is wrong, and what to write instead. `value` is what the file has at the issue's path.
 */
export function describeConfigIssue(
  schema: z.ZodType,
  issue: z.core.$ZodIssue,
  value: unknown,
): { reason: string; fix: string } {
  const key = issue.path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const known = knownConfigKeys(schema, issue.path);
    const unknown = issue.keys[0] ?? '';
    const guess = closestKey(unknown, known);
    const where = issue.path.length > 0 ? ` under ${key}` : '';
    return {
      reason: `unknown key "${issue.keys.join('", "')}"`,
      fix: guess
        ? `did you mean "${guess}"? Keys allowed${where}: ${known.join(', ')}`
        : `remove it; keys allowed${where}: ${known.join(', ') || 'none'} (${DOCS})`,
    };
  }
  if (issue.path.length === 0) {
    return {
      reason: `the file must be a map of top-level keys, not ${describeValue(value)}`,
      fix: `start lines with top-level keys such as store: or providers: (${DOCS})`,
    };
  }
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const wanted =
      issue.code === 'invalid_value'
        ? `one of ${issue.values.map(String).join(', ')}`
        : article(String(issue.expected));
    return {
      reason: `${key} is missing`,
      fix: `add ${String(issue.path.at(-1))}: with ${wanted} (${DOCS})`,
    };
  }
  if (issue.code === 'invalid_type') {
    const expected = article(String(issue.expected));
    return {
      reason: `${key} must be ${expected}, not ${describeValue(value)}`,
      fix: durationFix(key) ?? `give ${key} ${expected} (${DOCS})`,
    };
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String).join(', ');
    return {
      reason: `${key} must be one of ${allowed}, not ${describeValue(value)}`,
      fix: `use one of ${allowed}`,
    };
  }
  return { reason: `${key} ${issue.message}`, fix: `change ${key} at that line (${DOCS})` };
}

/** Durations are plain numbers whose unit the key names: `10s` is a common slip. */
function durationFix(key: string): string | undefined {
  if (key.endsWith('Ms')) return `write ${key} as a number of milliseconds, e.g. 10000 for 10 s`;
  if (key.endsWith('Seconds')) return `write ${key} as a number of seconds, e.g. 3600 for 1 h`;
  return undefined;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of keys',
    record: 'a map of keys',
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  // A long text may be a secret pasted in the wrong place: errors never repeat one.
  if (typeof value === 'string') {
    return value.length <= 12 ? `the text "${value}"` : `a text of ${value.length} characters`;
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}
