import { useCallback, useEffect, useState } from 'react';

export const VIEWS = [
  { name: 'overview', label: 'Overview' },
  { name: 'allocation', label: 'Allocation' },
  { name: 'budgets', label: 'Budgets and alerts' },
  { name: 'anomalies', label: 'Anomalies' },
  { name: 'forecast', label: 'Forecast' },
  { name: 'unit-economics', label: 'Unit economics' },
  { name: 'layers', label: 'Layers and yield' },
  { name: 'traces', label: 'Agent traces' },
  { name: 'recommendations', label: 'Recommendations' },
  { name: 'reconcile', label: 'Reconciliation' },
  { name: 'prompt-bloat', label: 'Prompt bloat' },
] as const;

export type ViewName = (typeof VIEWS)[number]['name'];

/**
 * Everything a view shows is decided by its URL (`/allocation?from=…&to=…&where=team:search&by=feature`),
 * so a copied link opens the same view and a reload keeps it.
 */
export interface ViewState {
  view: ViewName;
  /** YYYY-MM-DD, inclusive; empty = the API's default. */
  from: string;
  to: string;
  /** `KEY:VALUE` filters, as the API's repeatable `where`. */
  where: readonly string[];
  /** The allocation explorer's dimension. */
  by: string;
  /** The overview chart: cost or tokens. */
  metric: 'cost' | 'tokens';
  /** The agent trace whose call tree is open. */
  trace: string;
  /** The recommendations' kind filter; empty = every kind. */
  kind: string;
}

export function readViewState(location: { pathname: string; search: string }): ViewState {
  const query = new URLSearchParams(location.search);
  const name = location.pathname.replace(/^\/+|\/+$/g, '');
  const view = VIEWS.find((candidate) => candidate.name === name)?.name ?? 'overview';
  return {
    view,
    from: dateOrEmpty(query.get('from')),
    to: dateOrEmpty(query.get('to')),
    where: query.getAll('where').filter((filter) => /^[^:]+:.+$/.test(filter)),
    by: query.get('by') ?? 'team',
    metric: query.get('metric') === 'tokens' ? 'tokens' : 'cost',
    trace: query.get('trace') ?? '',
    kind: query.get('kind') ?? '',
  };
}

export function viewHref(state: ViewState): string {
  const query = new URLSearchParams();
  if (state.from) query.set('from', state.from);
  if (state.to) query.set('to', state.to);
  for (const filter of state.where) query.append('where', filter);
  if (state.by !== 'team') query.set('by', state.by);
  if (state.metric !== 'cost') query.set('metric', state.metric);
  if (state.trace) query.set('trace', state.trace);
  if (state.kind) query.set('kind', state.kind);
  const text = query.toString();
  return `/${state.view}${text ? `?${text}` : ''}`;
}

/** The view state and a navigate function that records each change in the history. */
export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const [state, setState] = useState(() => readViewState(window.location));
  useEffect(() => {
    const onPop = () => setState(readViewState(window.location));
    window.addEventListener('popstate', onPop);
    // `/` and unknown paths show the overview; the address bar should say so.
    window.history.replaceState(null, '', viewHref(readViewState(window.location)));
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback(
    (change: Partial<ViewState>) => {
      const next = { ...state, ...change };
      window.history.pushState(null, '', viewHref(next));
      setState(next);
    },
    [state],
  );
  return [state, navigate];
}

function dateOrEmpty(value: string | null): string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}
