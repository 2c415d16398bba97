import { UNATTRIBUTED } from '../../domain/tags.ts';
import type { SharedScope } from '../../store/allocation-spec.ts';
import type { Store } from '../../store/store.ts';
import { buildChargebackStatement } from './build-chargeback-statement.ts';
import type { ChargebackStatement } from './chargeback-statement.ts';
import type { ChargebackRequest } from './parse-chargeback-request.ts';

/** Enough distinct teams to check a fixed rule against every team an organisation has. */
const TEAM_LIMIT = 100_000;

/** A month's statements from the store, for the CLI and the API alike. */
export async function computeChargeback(
  store: Store,
  request: ChargebackRequest,
  sharedScopes: readonly SharedScope[],
): Promise<ChargebackStatement> {
  const totals = await store.allocationTotals({
    from: request.from,
    to: request.to,
    sharedScopes,
  });
  const knownTeams =
    request.rule.kind === 'fixed'
      ? (await store.tagValues('team', TEAM_LIMIT)).filter((team) => team !== UNATTRIBUTED)
      : [];
  return buildChargebackStatement(request, totals, sharedScopes, knownTeams);
}
