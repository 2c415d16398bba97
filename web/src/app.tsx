import { useState, type MouseEvent, type ReactNode } from 'react';
import { FilterBar } from './components/filter-bar.tsx';
import { TokenForm } from './components/token-form.tsx';
import { useViewState, viewHref, VIEWS, type ViewState } from './routing/view-state.ts';
import { AllocationView } from './views/allocation-view.tsx';
import { AnomaliesView } from './views/anomalies-view.tsx';
import { BudgetsView } from './views/budgets-view.tsx';
import { ForecastView } from './views/forecast-view.tsx';
import { LayersView } from './views/layers-view.tsx';
import { OverviewView } from './views/overview-view.tsx';
import { PromptBloatView } from './views/prompt-bloat-view.tsx';
import { ReconcileView } from './views/reconcile-view.tsx';
import { RecommendationsView } from './views/recommendations-view.tsx';
import { TracesView } from './views/traces-view.tsx';
import { UnitEconomicsView } from './views/unit-economics-view.tsx';

export interface ViewProps {
  state: ViewState;
  navigate: (change: Partial<ViewState>) => void;
}

const VIEW_COMPONENTS: Record<ViewState['view'], (props: ViewProps) => ReactNode> = {
  overview: OverviewView,
  allocation: AllocationView,
  budgets: BudgetsView,
  anomalies: AnomaliesView,
  forecast: ForecastView,
  'unit-economics': UnitEconomicsView,
  layers: LayersView,
  traces: TracesView,
  recommendations: RecommendationsView,
  reconcile: ReconcileView,
  'prompt-bloat': PromptBloatView,
};

/** The shell: navigation, the shared range and filters, and the view the URL names. */
export function App(): ReactNode {
  const [state, navigate] = useViewState();
  // A new token remounts the view, which fetches again with it.
  const [tokenVersion, setTokenVersion] = useState(0);
  const View = VIEW_COMPONENTS[state.view];
  const follow = (event: MouseEvent, view: ViewState['view']) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate({ view });
  };
  const title = VIEWS.find((view) => view.name === state.view)?.label ?? '';
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">tokenops</span>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map((view) => (
              <li key={view.name}>
                <a
                  href={viewHref({ ...state, view: view.name })}
                  aria-current={view.name === state.view ? 'page' : undefined}
                  onClick={(event) => follow(event, view.name)}
                >
                  {view.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <TokenForm onSaved={() => setTokenVersion((version) => version + 1)} />
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        <FilterBar state={state} navigate={navigate} />
        <View key={tokenVersion} state={state} navigate={navigate} />
      </main>
    </>
  );
}
