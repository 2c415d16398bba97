/** Event and request ids: random UUIDs from the Web Crypto global (no Node import). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
