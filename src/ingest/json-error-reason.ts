/**
 * A JSON.parse failure as a short reason: where the text broke, never the text around it,
 * which is someone's data (and would spread an error message over several lines).
 */
export function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (message.includes('Unexpected end of JSON input')) return 'is not valid JSON: it is cut short';
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined
    ? 'is not valid JSON'
    : `is not valid JSON: it breaks at character ${position}`;
}
