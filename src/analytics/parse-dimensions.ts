import { ValidationError } from '../domain/errors/index.ts';
import { parseDimension, type Dimension } from '../store/report-spec.ts';

/** `--by team,feature`: each name checked, none twice. */
export function parseDimensions(by: string): Dimension[] {
  const dimensions = by
    .split(',')
    .filter((name) => name.trim() !== '')
    .map((name) => parseDimension(name, 'by'));
  if (new Set(dimensions).size !== dimensions.length) {
    throw new ValidationError(
      'invalid report',
      [{ field: 'by', reason: 'names a dimension twice' }],
      'list each dimension once',
    );
  }
  return dimensions;
}
