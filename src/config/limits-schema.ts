import { z } from 'zod';

/** limits: what one caller may take (docs/security.md#limits); 0 turns a limit off. */
export const limitsSchema = z
  .strictObject({
    /** Streaming gateway calls open at once, across callers; one more is a 429. */
    concurrentStreams: z.number().int().nonnegative().default(512),
    /** Ingest requests (events, OTLP spans, feedback) per token per minute; one more is a 429. */
    ingestRequestsPerMinute: z.number().int().nonnegative().default(600),
  })
  .default({ concurrentStreams: 512, ingestRequestsPerMinute: 600 });

export type LimitsConfig = z.output<typeof limitsSchema>;
