/**
 * Who is calling the API. `anyone` when no auth is configured (a local, single-user
 * install); otherwise the role of the token sent (docs/security.md).
 */
export type Principal =
  | { role: 'anyone' }
  | { role: 'admin'; name: string }
  | { role: 'finance'; name: string }
  | { role: 'team'; name: string; team: string };
