import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Option } from './form/fields';

/**
 * Search and filters of a list. They live in the URL, so a filtered view can be bookmarked and
 * shared, and Back restores it (the form is re-keyed on the URL to show it). On a phone they fold
 * away under one disclosure until opened, unless a filter is in use.
 */
export function FilterBar({ names, label, children }: { names: readonly string[]; label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [isOpen, setIsOpen] = useState(() => names.some((name) => params.has(name)) || window.matchMedia('(min-width: 40em)').matches);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // What the bar does not show stays (the filters a figure's link opened the list with); Clear drops it too.
    const next = new URLSearchParams([...params].filter(([name]) => !names.includes(name)));
    for (const name of names) {
      const value = String(data.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  };

  return (
    <details className="filter-details margin-bottom-3" open={isOpen} onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary className="filter-details__summary">{label}</summary>
      <form key={params.toString()} role="search" aria-label={label} className="filter-bar" onSubmit={apply}>
        {children}
        <div className="filter-bar__actions">
          <button type="submit" className="usa-button">
            {t('common.applyFilters')}
          </button>
          <button type="button" className="usa-button usa-button--unstyled" onClick={() => setParams(new URLSearchParams())}>
            {t('common.clearFilters')}
          </button>
        </div>
      </form>
    </details>
  );
}

interface FilterInputProps {
  name: string;
  label: string;
  /** USWDS styles every type=search input as its search component, so searches are text. */
  type?: 'text' | 'date';
  hint?: string;
  isWide?: boolean;
}

export function FilterInput({ name, label, type = 'text', hint, isWide }: FilterInputProps) {
  const [params] = useSearchParams();
  return (
    <div className={`filter-bar__item ${isWide ? 'filter-bar__item--wide' : ''}`}>
      <label className="usa-label margin-top-0" htmlFor={`filter-${name}`}>
        {label}
      </label>
      {hint && (
        <div className="usa-hint" id={`filter-${name}-hint`}>
          {hint}
        </div>
      )}
      <input
        id={`filter-${name}`}
        name={name}
        type={type}
        enterKeyHint={type === 'text' ? 'search' : undefined}
        className="usa-input"
        defaultValue={params.get(name) ?? ''}
        aria-describedby={hint ? `filter-${name}-hint` : undefined}
      />
    </div>
  );
}

interface FilterSelectProps {
  name: string;
  label: string;
  options: Option[];
  /** The first choice, meaning "no filter". */
  allLabel?: string;
  /** What the page shows when the address names no value (a filter that always has one, such as the year). */
  defaultValue?: string;
  /** The API's refusal of the value the address carries, shown beside the field as a form's would be. */
  error?: string;
}

export function FilterSelect({ name, label, options, allLabel, defaultValue = '', error }: FilterSelectProps) {
  const [params] = useSearchParams();
  const errorId = `filter-${name}-error`;
  return (
    <div className={`filter-bar__item ${error ? 'usa-form-group--error filter-bar__item--error' : ''}`}>
      <label className={`usa-label margin-top-0 ${error ? 'usa-label--error' : ''}`} htmlFor={`filter-${name}`}>
        {label}
      </label>
      {error && (
        <span className="usa-error-message" id={errorId}>
          {error}
        </span>
      )}
      <select
        id={`filter-${name}`}
        name={name}
        className={`usa-select ${error ? 'usa-input--error' : ''}`}
        defaultValue={params.get(name) ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
