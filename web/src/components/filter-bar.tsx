import { useState, type FormEvent, type ReactNode } from 'react';
import type { ViewState } from '../routing/view-state.ts';

export const DIMENSIONS = [
  'team',
  'service',
  'feature',
  'environment',
  'customer',
  'user',
  'provider',
  'model',
] as const;

interface FilterBarProps {
  state: ViewState;
  navigate: (change: Partial<ViewState>) => void;
}

/** The date range and the `where` filters: every change goes into the URL. */
export function FilterBar({ state, navigate }: FilterBarProps): ReactNode {
  const [key, setKey] = useState('team');
  const [value, setValue] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const filter = `${key.trim()}:${value.trim()}`;
    if (value.trim() === '' || key.trim() === '' || state.where.includes(filter)) return;
    navigate({ where: [...state.where, filter] });
    setValue('');
  };
  return (
    <section className="filters" aria-label="Date range and filters">
      <div className="range">
        <label>
          From
          <input
            type="date"
            name="from"
            value={state.from}
            max={state.to || undefined}
            onChange={(event) => navigate({ from: event.target.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            name="to"
            value={state.to}
            min={state.from || undefined}
            onChange={(event) => navigate({ to: event.target.value })}
          />
        </label>
      </div>
      <form className="add-filter" onSubmit={add}>
        <label>
          Filter on
          <input
            list="filter-dimensions"
            name="filter-key"
            value={key}
            onChange={(event) => setKey(event.target.value)}
            size={10}
          />
        </label>
        <datalist id="filter-dimensions">
          {DIMENSIONS.map((dimension) => (
            <option key={dimension} value={dimension} />
          ))}
        </datalist>
        <label>
          equal to
          <input
            name="filter-value"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            size={12}
          />
        </label>
        <button type="submit">Add filter</button>
      </form>
      {state.where.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {state.where.map((filter) => (
            <li key={filter}>
              <span>{filter.replace(':', ' = ')}</span>
              <button
                type="button"
                aria-label={`Remove filter ${filter.replace(':', ' = ')}`}
                onClick={() => navigate({ where: state.where.filter((one) => one !== filter) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
