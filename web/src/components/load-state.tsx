import type { ReactNode } from 'react';
import type { ApiState } from '../api/use-api.ts';

interface LoadStateProps<T> {
  state: ApiState<T>;
  /** What is being loaded, for the loading and empty messages. */
  what: string;
  isEmpty: (data: T) => boolean;
  children: (data: T) => ReactNode;
  /** Said while loading instead of "Loading WHAT…", for answers that take a while. */
  loadingMessage?: string;
}

/** The loading, error and empty states every view shares; the view draws only its data. */
export function LoadState<T>({
  state,
  what,
  isEmpty,
  children,
  loadingMessage,
}: LoadStateProps<T>): ReactNode {
  if (state.status === 'loading') {
    return (
      <p className="state" role="status">
        {loadingMessage ?? `Loading ${what}…`}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="state state-error" role="alert">
        <p>
          <strong>Could not load {what}:</strong> {state.error.message}
        </p>
        <p>Fix: {state.error.fix}</p>
        {state.error.status === 401 && <p>Paste the admin token under “Admin token” above.</p>}
      </div>
    );
  }
  if (isEmpty(state.data)) {
    return (
      <p className="state" role="status">
        No {what} for this range and these filters.
      </p>
    );
  }
  return children(state.data);
}
