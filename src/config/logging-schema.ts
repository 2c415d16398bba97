import { z } from 'zod';

const redactRuleSchema = z.strictObject({
  /** A regular expression (JavaScript syntax); every match is replaced. */
  pattern: z.string().refine(
    (text) => {
      try {
        new RegExp(text, 'g');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be a valid regular expression' },
  ),
  /** What a match becomes (default [REDACTED]). */
  replacement: z.string().default('[REDACTED]'),
});

/** logging: what the gateway writes besides usage events (docs/security.md#payload-logging). */
export const loggingSchema = z
  .strictObject({
    payloads: z
      .strictObject({
        /** Off by default: prompts and answers are written only when this is true. */
        enabled: z.boolean().default(false),
        /** Bodies are cut to this many bytes (after redaction). */
        maxBytes: z
          .number()
          .int()
          .positive()
          .default(64 * 1024),
        /** Applied before anything is written, after the built-in rules for keys and emails. */
        redact: z.array(redactRuleSchema).default([]),
      })
      .default({ enabled: false, maxBytes: 64 * 1024, redact: [] }),
  })
  .default({ payloads: { enabled: false, maxBytes: 64 * 1024, redact: [] } });

export type PayloadLoggingConfig = z.output<typeof loggingSchema>['payloads'];
