import type { UsageGroup } from '../../store/store.ts';

/** The provider accounts a group's usage is billed to (FOCUS BillingAccount*, SubAccount*). */
export interface FocusAccount {
  /** OpenAI or Anthropic organization id, AWS payer account, GCP billing account… */
  billingAccountId: string;
  billingAccountName?: string;
  /** The provider's word for that account; by default the one in focus-provider-names.ts. */
  billingAccountType?: string;
  /** Project (OpenAI), workspace (Anthropic), linked account (AWS), project (GCP)… */
  subAccountId?: string;
  subAccountName?: string;
  /** `Project`, `Workspace`… */
  subAccountType?: string;
}

/** What a usage group cannot say about itself: the export's configuration supplies it. */
export interface FocusOptions {
  /**
   * The accounts of a group's provider (and, when known, of its project or key). By default
   * the billing account is the provider name and there is no sub account.
   */
  account?: (group: UsageGroup) => FocusAccount;
  /**
   * The input size above which the model's long-context prices apply, null when it has none:
   * it names the context tier (`0-200k` / `200k+`, or `default` for a model without tiers).
   * createLongContextLookup builds it from a pricer.
   */
  longContextStart?: (provider: string, model: string, at: number) => number | null;
  /** Tags tokenops itself derives (virtual key…); written with the `tokenops/` prefix. */
  derivedTags?: (group: UsageGroup) => Readonly<Record<string, string>>;
}
