/** The one place the process environment is read: secrets named by *Env keys of the config. */
export function readSecret(variable: string | undefined): string | undefined {
  if (!variable) return undefined;
  const value = process.env[variable];
  return value === undefined || value === '' ? undefined : value;
}
