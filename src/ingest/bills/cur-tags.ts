import type { BillRow } from './bill-row.ts';

/**
 * The tags of a CUR row. Activated cost allocation tags arrive in `resource_tags` as
 * `user_<tag>` (e.g. `user_team` → `team`); the newer `tags` map also carries tags of the
 * calling IAM principal as `iamPrincipal/<tag>`. Resource tags win over principal tags.
 * The calling principal itself (IAM principal cost attribution) is kept as `aws/iam_principal`.
 */
export function curTags(row: BillRow): Record<string, string> {
  const tags: Record<string, string> = {};
  const add = (map: Record<string, string>): void => {
    for (const [key, value] of Object.entries(map)) {
      tags[key.replace(/^user_/, '').replace(/^iamPrincipal\//, '')] = value;
    }
  };
  add(row.map('tags'));
  add(row.map('resource_tags'));
  const principal = row.text('line_item_iam_principal');
  if (principal) tags['aws/iam_principal'] = principal;
  return tags;
}
