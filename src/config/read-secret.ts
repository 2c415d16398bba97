/**
 * The one place the process environment is read: secrets named by *Env keys of the config,
 * and NODE_OPTIONS, whose settings tokenops leaves alone.
 */
export function readSecret(variable: string | undefined): string | undefined {
  if (!variable) return undefined;
  const value = process.env[variable];
  return value === undefined || value === '' ? undefined : value;
}

/** The node options the user gave through the environment ('' when none). */
export function readNodeOptions(): string {
  return process.env.NODE_OPTIONS ?? '';
}
