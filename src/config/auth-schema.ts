import { z } from 'zod';

const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name such as TOKENOPS_ADMIN');

/** Roles an API token can hold (docs/security.md). */
export const API_ROLES = ['admin', 'finance', 'team'] as const;
export type ApiRole = (typeof API_ROLES)[number];

const apiTokenSchema = z
  .strictObject({
    /** Shown in lists and used to revoke; never used to authenticate. */
    name: z.string().min(1),
    /** admin: everything; finance: every report, no writes or keys; team: its team's spend only. */
    role: z.enum(API_ROLES),
    /** The team a `team` token reads (and only that team). */
    team: z.string().min(1).optional(),
    /** `sha256:<hex>` of the token, as `tokenops tokens create` writes it. */
    hash: z
      .string()
      .regex(
        /^sha256:[0-9a-f]{64}$/,
        'must be sha256:<64 hex digits>, as tokenops tokens create writes it',
      ),
  })
  .superRefine((token, context) => {
    if (token.role === 'team' && token.team === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['team'],
        message:
          'a team token needs the team it may read (tokenops tokens create --role team --team T)',
      });
    }
    if (token.role !== 'team' && token.team !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['team'],
        message: `a ${token.role} token reads every team: remove team, or make it a team token`,
      });
    }
  });

export const authSchema = z
  .strictObject({
    /** When set, every /api/… route needs a token: this variable's value is an admin token. */
    adminTokenEnv: envName.optional(),
    /** Tokens made by `tokenops tokens create`, kept as hashes. Any entry turns auth on. */
    tokens: z.array(apiTokenSchema).default([]),
  })
  .default({ tokens: [] });

export type ApiTokenConfig = z.output<typeof apiTokenSchema>;
