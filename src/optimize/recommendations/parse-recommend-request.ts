import { parseFilters, parseTimeRange } from '../../analytics/index.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import type { Store } from '../../store/store.ts';
import type { RecommendSpec } from './recommend.ts';
import { RECOMMENDATION_KINDS, type RecommendationKind } from './recommendation.ts';

/** `tokenops recommend` and GET /api/v1/recommendations as given, all text. */
export interface RecommendRequest {
  from?: string;
  to?: string;
  /** One kind, or several comma-separated; all when absent. */
  kind?: string;
  /** Filters as `--where` takes them: only matching calls are analysed. */
  where?: readonly string[];
}

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;

/**
 * The period defaults to the last 30 days of stored data, in whole UTC days (so the whatif
 * command that reproduces a saving can name it by dates); null when nothing is stored.
 */
export async function parseRecommendRequest(
  request: RecommendRequest,
  store: Pick<Store, 'timeRange'>,
  providers: readonly string[],
): Promise<RecommendSpec | null> {
  const kinds = parseKinds(request.kind);
  const given = parseTimeRange(request.from, request.to);
  let { from, to } = given;
  if (from === undefined || to === undefined) {
    const stored = await store.timeRange();
    if (stored === null) return null;
    to ??= Math.floor(stored.to / DAY_MS) * DAY_MS + DAY_MS;
    from ??= Math.max(to - DEFAULT_DAYS * DAY_MS, Math.floor(stored.from / DAY_MS) * DAY_MS);
    if (from >= to) return null;
  }
  return { from, to, kinds, providers, filters: parseFilters(request.where) };
}

function parseKinds(text: string | undefined): RecommendationKind[] {
  if (text === undefined || text.trim() === '') return [...RECOMMENDATION_KINDS];
  return text.split(',').map((word) => {
    const kind = RECOMMENDATION_KINDS.find((known) => known === word.trim());
    if (kind === undefined) {
      throw new ValidationError(
        'invalid recommend',
        [{ field: 'kind', reason: `"${word.trim()}" is not a recommendation kind` }],
        `pass one or more of ${RECOMMENDATION_KINDS.join(', ')}`,
      );
    }
    return kind;
  });
}
