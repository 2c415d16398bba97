/**
 * Closes and exits on SIGTERM or SIGINT, and also when stdin ends: the bench holds the other end
 * of that pipe, so a bench killed outright does not leave this server behind.
 */
export function exitWithParent(close: () => Promise<void>): void {
  let closing = false;
  const exit = (): void => {
    if (closing) return;
    closing = true;
    void close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', exit);
  process.once('SIGINT', exit);
  process.stdin.once('end', exit);
  process.stdin.resume();
}
