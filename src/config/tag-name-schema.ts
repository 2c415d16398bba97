import { z } from 'zod';

/** A tag key: one of the six by name, or a free tag. */
export const tagName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a tag name such as team');
