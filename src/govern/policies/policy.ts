import type { TagScope } from '../../domain/tags.ts';

/** policies[] of tokenops.yaml: rules on what calls in a tag scope may do. */
export interface Policy {
  name: string;
  match: TagScope;
  allowModels?: readonly string[];
  denyModels?: readonly string[];
  maxTokensPerRequest?: number;
  requireTags?: readonly string[];
  tokensPerMinute?: number;
}
