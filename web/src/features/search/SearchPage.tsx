import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatCount } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import '../../styles/search.css';
import { isSearchable, searchPath, useSearch } from './api';
import { SearchIcon } from './SearchIcon';

/** How many of each kind the results page shows. */
const RESULTS_PER_KIND = 20;

/** `/search?q=`: every kind of record matching the query that the user may see, grouped, best first. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = (params.get('q') ?? '').trim();
  const search = useSearch(q, RESULTS_PER_KIND);
  const groups = search.data?.groups ?? [];
  const count = search.data?.count ?? 0;

  return (
    <>
      <PageHeader title={t('search.title')} lead={t('search.lead')} />
      <form
        className="usa-search margin-bottom-2"
        role="search"
        aria-label={t('search.title')}
        onSubmit={(event) => {
          event.preventDefault();
          const next = String(new FormData(event.currentTarget).get('q') ?? '');
          void navigate(searchPath(next));
        }}
      >
        <label className="usa-sr-only" htmlFor="search-page-field">
          {t('search.label')}
        </label>
        <input id="search-page-field" className="usa-input" type="search" name="q" defaultValue={q} key={q} maxLength={100} />
        {/* USWDS hides the word on a phone, leaving the icon: the button keeps its name either way. */}
        <button className="usa-button" type="submit" aria-label={t('search.submit')}>
          <span className="usa-search__submit-text">{t('search.submit')}</span>
          <SearchIcon className="usa-search__submit-icon" />
        </button>
      </form>
      {!isSearchable(q) ? (
        <p>{t('search.tooShort')}</p>
      ) : search.isPending ? (
        <Loading />
      ) : search.isError ? (
        <ProblemAlert error={search.error} />
      ) : (
        <>
          <p role="status">{count === 0 ? t('search.noMatches', { q }) : t('search.resultCount', { count, formatted: formatCount(count), q })}</p>
          {groups.map((group) => (
            <section key={group.kind} className="search-results__group" aria-labelledby={`search-group-${group.kind}`}>
              <h2 id={`search-group-${group.kind}`}>{t('search.groupHeading', { kind: t(`search.kinds.${group.kind}`), count: group.results.length })}</h2>
              <ul className="search-results__list">
                {group.results.map((result) => (
                  <li key={result.id}>
                    <Link to={result.link}>{result.title}</Link>
                    {result.isInactive && <span className="usa-tag site-search__inactive margin-left-1">{t('search.inactive')}</span>}
                    {(result.context ?? result.detail) && <span className="search-results__detail">{[result.context, result.detail].filter(Boolean).join(' · ')}</span>}
                  </li>
                ))}
              </ul>
              {group.hasMore && <p className="usa-hint">{t('search.hasMore', { count: group.results.length })}</p>}
            </section>
          ))}
        </>
      )}
    </>
  );
}
