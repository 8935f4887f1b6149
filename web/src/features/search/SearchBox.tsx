import { type FocusEvent, type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchResult } from '../../api/schemas';
import '../../styles/search.css';
import { isSearchable, searchPath, useSearch, useSettled } from './api';
import { SearchIcon } from './SearchIcon';

/** How many suggestions of each kind the box offers; the results page shows more. */
const SUGGESTIONS_PER_KIND = 4;

/**
 * The header's search: a USWDS search field that is an ARIA 1.2 combobox. Suggestions come as
 * one types, grouped by kind; Up and Down move through them (wrapping round), Enter opens the one
 * chosen or, with none chosen, the results page; Escape closes them (and a second Escape clears
 * the field). Focus stays in the field throughout, the chosen option named by
 * `aria-activedescendant`, and a status line says how many there are.
 */
export function SearchBox({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState('');
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const settled = useSettled(text, 200);
  const search = useSearch(settled, SUGGESTIONS_PER_KIND);

  const isShown = isOpen && isSearchable(text);
  const groups = isShown && search.data && isSearchable(settled) ? search.data.groups : [];
  const options: (SearchResult | { kind: 'all' })[] = [...groups.flatMap((group) => group.results), ...(groups.length > 0 ? [{ kind: 'all' as const }] : [])];
  const optionId = (index: number) => `${id}-option-${index}`;
  const listboxId = `${id}-listbox`;

  const close = () => {
    setIsOpen(false);
    setActive(-1);
  };
  const go = (to: string) => {
    close();
    onNavigate?.();
    void navigate(to);
  };
  const open = (option: (typeof options)[number]) => go(option.kind === 'all' ? searchPath(text) : option.link);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!isOpen) setIsOpen(true);
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current === -1 ? (step === 1 ? 0 : count - 1) : (current + step + count) % count));
    } else if (event.key === 'Enter' && isShown && active >= 0 && options[active]) {
      event.preventDefault();
      open(options[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (isShown) close();
      else setText('');
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isSearchable(text)) go(searchPath(text));
  };

  // Leaving the widget (not moving within it) closes the suggestions.
  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close();
  };

  const status = !isShown
    ? ''
    : search.isFetching && groups.length === 0
      ? t('search.searching')
      : search.data && isSearchable(settled)
        ? groups.length === 0
          ? t('search.noMatches', { q: settled.trim() })
          : t('search.suggestionCount', { count: options.length - 1 })
        : '';

  // Each group's first option's place in the whole list, which the arrows move through.
  const starts = groups.map((_, g) => groups.slice(0, g).reduce((sum, group) => sum + group.results.length, 0));
  return (
    <form className="usa-search usa-search--small site-search" role="search" onSubmit={onSubmit} onBlur={onBlur}>
      <label className="usa-sr-only" htmlFor={`${id}-field`}>
        {t('search.label')}
      </label>
      <div className="site-search__field">
        <input
          id={`${id}-field`}
          className="usa-input"
          type="search"
          name="q"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.placeholder')}
          aria-autocomplete="list"
          aria-expanded={isShown && options.length > 0}
          aria-controls={listboxId}
          aria-activedescendant={isShown && active >= 0 ? optionId(active) : undefined}
          value={text}
          maxLength={100}
          onChange={(event) => {
            setText(event.target.value);
            setIsOpen(true);
            setActive(-1);
          }}
          onFocus={() => setIsOpen(true)}
          onKeyDown={onKeyDown}
        />
        <div id={listboxId} role="listbox" aria-label={t('search.suggestions')} className="site-search__listbox" hidden={!(isShown && options.length > 0)}>
          {groups.map((group, g) => (
            <div key={group.kind} role="group" aria-labelledby={`${id}-group-${group.kind}`} className="site-search__group">
              <div role="presentation" id={`${id}-group-${group.kind}`} className="site-search__group-label">
                {t(`search.kinds.${group.kind}`)}
              </div>
              {group.results.map((result, r) => {
                const at = (starts[g] ?? 0) + r;
                return (
                  <div
                    key={result.id}
                    id={optionId(at)}
                    role="option"
                    aria-selected={active === at}
                    className={`site-search__option ${active === at ? 'is-active' : ''}`}
                    // The field keeps focus: the option is chosen by the click, not focused by the press.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => open(result)}
                  >
                    <span className="site-search__title">{result.title}</span>
                    {(result.context ?? result.detail) && <span className="site-search__detail">{[result.context, result.detail].filter(Boolean).join(' · ')}</span>}
                    {result.isInactive && <span className="usa-tag site-search__inactive">{t('search.inactive')}</span>}
                  </div>
                );
              })}
            </div>
          ))}
          {groups.length > 0 && (
            <div
              id={optionId(options.length - 1)}
              role="option"
              aria-selected={active === options.length - 1}
              className={`site-search__option site-search__all ${active === options.length - 1 ? 'is-active' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(searchPath(text))}
            >
              {t('search.showAll', { q: text.trim() })}
            </div>
          )}
        </div>
      </div>
      <button className="usa-button" type="submit">
        <SearchIcon />
        <span className="usa-sr-only">{t('search.submit')}</span>
      </button>
      <div id={`${id}-status`} role="status" aria-live="polite" className="usa-sr-only">
        {status}
      </div>
    </form>
  );
}
