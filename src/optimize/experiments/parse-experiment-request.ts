import { parseFilters, parseTimeRange } from '../../analytics/index.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import type { ExperimentSpec } from '../../store/experiment-spec.ts';

/** `tokenops experiments show NAME` and GET /api/v1/experiments/{name} as given, all text. */
export interface ExperimentRequest {
  name: string;
  from?: string;
  to?: string;
  /** `KEY=VALUE` (CLI) or `KEY:VALUE` (API), as in `report`. */
  where?: readonly string[];
  control?: string;
}

export interface ExperimentQuery {
  spec: ExperimentSpec;
  control?: string;
}

export function parseExperimentRequest(request: ExperimentRequest): ExperimentQuery {
  const name = request.name.trim();
  if (name === '') {
    throw new ValidationError(
      'invalid experiment',
      [{ field: 'name', reason: 'is empty' }],
      'name the experiment (the routing rule’s name); tokenops report --by tag:experiment lists them',
    );
  }
  const control = request.control?.trim();
  return {
    spec: {
      experiment: name,
      ...parseTimeRange(request.from, request.to),
      filters: parseFilters(request.where),
    },
    ...(control ? { control } : {}),
  };
}
