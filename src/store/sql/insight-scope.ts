import { UNATTRIBUTED } from '../../domain/tags.ts';
import type { InsightSpec } from '../insights-spec.ts';
import { dimensionColumn, filterCondition } from './report-query.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { sqlTimestamp } from './sql-timestamp.ts';

/** What the insight queries share: bound parameters, the time filter and the grouped keys. */
export interface InsightScope {
  params: string[];
  bind: (value: string) => string;
  /** `WHERE …` over events for the time range, or '' for all time. */
  where: string;
  /** `COALESCE(column, '(unattributed)') AS d0`, … one per dimension. */
  keySelects: string[];
  /** d0, d1, … */
  keyAliases: string[];
}

export function insightScope(spec: InsightSpec, dialect: SqlDialect): InsightScope {
  const params: string[] = [];
  const bind = (value: string): string => {
    params.push(value);
    return dialect.textParameter(params.length);
  };
  const bindTimestamp = (epochMs: number): string => {
    params.push(sqlTimestamp(epochMs));
    return dialect.timestampParameter(params.length);
  };
  const conditions: string[] = [];
  if (spec.from !== undefined) conditions.push(`ts >= ${bindTimestamp(spec.from)}`);
  if (spec.to !== undefined) conditions.push(`ts < ${bindTimestamp(spec.to)}`);
  for (const filter of spec.filters ?? []) conditions.push(filterCondition(filter, bind, dialect));
  const keyAliases = spec.dimensions.map((_dimension, index) => `d${index}`);
  const keySelects = spec.dimensions.map(
    (dimension, index) =>
      `COALESCE(${dimensionColumn(dimension, bind, dialect)}, '${UNATTRIBUTED}') AS d${index}`,
  );
  return {
    params,
    bind,
    where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '',
    keySelects,
    keyAliases,
  };
}
