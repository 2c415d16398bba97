/**
 * A slice of spend that belongs to everyone (a platform embedding pipeline): calls whose tags
 * match every key of `scope` leave their team's direct spend and join the shared pool.
 */
export interface SharedScope {
  name: string;
  /** Tag → value; the six tags by name (`feature`), any other key is a free tag. */
  scope: Readonly<Record<string, string>>;
}

export interface AllocationSpec {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** A call matching several scopes belongs to the first. */
  sharedScopes: readonly SharedScope[];
}

/** Spend of one team (or of untagged calls) inside one shared scope or outside all of them. */
export interface AllocationTotals {
  /** Undefined for calls without a team tag. */
  team?: string;
  /** Index into the spec's sharedScopes; undefined for spend outside every scope. */
  sharedScope?: number;
  events: number;
  /** Summed exactly by the store, in 1e-12 of the currency unit. */
  costPicoDollars: bigint;
}
