export interface RedactRule {
  pattern: string;
  replacement: string;
}

/**
 * Always applied when payloads are logged, before the configured rules: credentials a caller
 * may paste into a prompt (provider keys, tokenops keys and tokens, bearer tokens, AWS access
 * keys) and email addresses.
 */
const BUILT_IN: readonly RedactRule[] = [
  { pattern: String.raw`\b(?:sk|rk|pk)-[A-Za-z0-9_-]{16,}`, replacement: '[REDACTED KEY]' },
  { pattern: String.raw`\b(?:tok|tka)_[A-Za-z0-9_-]{16,}`, replacement: '[REDACTED KEY]' },
  { pattern: String.raw`\bAKIA[0-9A-Z]{16}\b`, replacement: '[REDACTED KEY]' },
  { pattern: String.raw`\bAIza[0-9A-Za-z_-]{30,}`, replacement: '[REDACTED KEY]' },
  { pattern: String.raw`(?<=[Bb]earer )[A-Za-z0-9._~+/=-]{8,}`, replacement: '[REDACTED]' },
  { pattern: String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, replacement: '[REDACTED EMAIL]' },
];

/** The built-in rules, then the configured ones, as one function over text. */
export function createRedactor(rules: readonly RedactRule[]): (text: string) => string {
  const compiled = [...BUILT_IN, ...rules].map((rule) => ({
    pattern: new RegExp(rule.pattern, 'g'),
    replacement: rule.replacement,
  }));
  return (text) =>
    compiled.reduce((redacted, rule) => redacted.replace(rule.pattern, rule.replacement), text);
}
