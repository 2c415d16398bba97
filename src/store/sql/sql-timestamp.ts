/** An epoch-ms instant as the text a SQL TIMESTAMP parameter takes (UTC, no zone suffix). */
export function sqlTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}
