import type { ReactNode } from 'react';

export interface Stat {
  label: string;
  value: string;
  /** For the browser tests, which compare it with the API's value. */
  testId: string;
  detail?: string;
}

/** Headline numbers as a description list: a label a screen reader reads with its value. */
export function StatList({ stats, label }: { stats: readonly Stat[]; label: string }): ReactNode {
  return (
    <dl className="stats" aria-label={label}>
      {stats.map((stat) => (
        <div key={stat.testId} className="stat">
          <dt>{stat.label}</dt>
          <dd data-testid={stat.testId}>{stat.value}</dd>
          {stat.detail && <dd className="detail">{stat.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
