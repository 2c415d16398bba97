import {
  buildLayersReport,
  parseInsightRequest,
  type ReferenceModel,
} from '../../analytics/index.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';
import { insightQueryParams } from './insight-query-params.ts';

/** GET /api/v1/layers: the options of `tokenops layers` as query parameters (`where` repeatable). */
export function layersRoute(
  store: Store,
  pricer: () => Promise<Pricer>,
  referenceModels: Readonly<Record<string, ReferenceModel>>,
): RouteHandler {
  return async (url) => {
    const spec = parseInsightRequest(insightQueryParams(url), 'feature');
    return buildLayersReport(spec, await store.layerGroups(spec), referenceModels, await pricer());
  };
}
