import type { ReactNode } from 'react';
import type { ReportRow } from '../api/api-types.ts';
import { formatCount, formatPercent } from '../format/format.ts';

/**
 * The four token classes that add up to all tokens: cache reads are part of input and
 * reasoning is part of output (docs/token-accounting.md), so each is taken out of its parent.
 */
function tokenClasses(row: ReportRow): { name: string; tokens: number }[] {
  return [
    { name: 'Uncached input', tokens: row.input_tokens - row.cache_read_tokens },
    { name: 'Cached input', tokens: row.cache_read_tokens },
    { name: 'Output (without reasoning)', tokens: row.output_tokens - row.reasoning_tokens },
    { name: 'Reasoning', tokens: row.reasoning_tokens },
  ];
}

export function TokenSplit({ row }: { row: ReportRow }): ReactNode {
  const classes = tokenClasses(row);
  const all = row.input_tokens + row.output_tokens;
  return (
    <section aria-labelledby="split-heading">
      <h2 id="split-heading">Token split</h2>
      <div className="split-bar" aria-hidden="true">
        {classes.map((one, index) => (
          <span
            key={one.name}
            className={`split-${index}`}
            style={{ width: `${all === 0 ? 0 : (100 * one.tokens) / all}%` }}
          />
        ))}
      </div>
      <div className="table-scroll">
        <table className="split-table" data-testid="token-split">
          <caption className="visually-hidden">Tokens by class</caption>
          <tbody>
            {classes.map((one, index) => (
              <tr key={one.name}>
                <th scope="row">
                  <span className={`swatch split-${index}`} aria-hidden="true" />
                  {one.name}
                </th>
                <td className="numeric">{formatCount(one.tokens)}</td>
                <td className="numeric">{formatPercent(all === 0 ? null : one.tokens / all)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
