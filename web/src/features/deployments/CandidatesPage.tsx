import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DeploymentDetail } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { useIlrChoices, useLanguageChoices } from '../../components/choices';
import { formatDate, languageName } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useOrganizationOptions } from '../organizations/api';
import { type CandidateFilters, NO_FILTERS, useCandidates, useDeployment } from './api';
import { CandidateRow } from './CandidateCard';
import { type CandidateSort, type Direction, firstDirection, sortCandidates } from './candidateSort';

function Needs({ deployment }: { deployment: DeploymentDetail }) {
  const { t } = useTranslation();
  const languages = deployment.requiredLanguages.map((need) => t('deployments.languageNeed', { language: languageName(need.language), level: need.minSpeaking }));
  return (
    <p className="margin-top-0">
      {languages.length > 0 ? t('candidates.needsLanguages', { languages: languages.join(t('common.or')) }) : t('candidates.noLanguageNeeded')}
      {deployment.specialties.length > 0 && ` ${t('candidates.needsSpecialties', { specialties: deployment.specialties.join(', ') })}`}
    </p>
  );
}

const TRACK_CHOICES = ['policing', 'corrections'] as const;

/** A column header that sorts the table by it; says which way it is sorted, to screen readers too. */
function SortHeader({ column, sort, direction, onSort }: { column: CandidateSort; sort: CandidateSort; direction: Direction; onSort: (column: CandidateSort) => void }) {
  const { t } = useTranslation();
  const isSorted = sort === column;
  return (
    <th scope="col" aria-sort={isSorted ? direction : undefined}>
      <button type="button" className="usa-button usa-button--unstyled candidate-sort" onClick={() => onSort(column)}>
        {t(`candidates.columns.${column}`)}
        <span aria-hidden="true">{isSorted ? (direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

function Filters({ filters, onChange }: { filters: CandidateFilters; onChange: (next: CandidateFilters) => void }) {
  const { t } = useTranslation();
  const organizations = useOrganizationOptions();
  const languages = useLanguageChoices();
  const levels = useIlrChoices();
  const set = (change: Partial<CandidateFilters>) => onChange({ ...filters, ...change });
  return (
    <form className="candidate-filters" aria-label={t('candidates.filtersLabel')} onSubmit={(event) => event.preventDefault()}>
      <div className="usa-checkbox">
        <input id="candidates-ready" className="usa-checkbox__input" type="checkbox" checked={filters.isReady} onChange={(event) => set({ isReady: event.target.checked })} />
        <label className="usa-checkbox__label" htmlFor="candidates-ready">
          {t('candidates.filters.readyOnly')}
        </label>
      </div>
      <div className="usa-form-group">
        <label className="usa-label" htmlFor="candidates-agency">
          {t('candidates.filters.agency')}
        </label>
        <select id="candidates-agency" className="usa-select" value={filters.organizationId} onChange={(event) => set({ organizationId: event.target.value })}>
          <option value="">{t('candidates.filters.anyAgency')}</option>
          {(organizations.data ?? []).map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </select>
      </div>
      <div className="usa-form-group">
        <label className="usa-label" htmlFor="candidates-track">
          {t('candidates.filters.track')}
        </label>
        <select id="candidates-track" className="usa-select" value={filters.track} onChange={(event) => set({ track: event.target.value })}>
          <option value="">{t('candidates.filters.anyTrack')}</option>
          {TRACK_CHOICES.map((track) => (
            <option key={track} value={track}>
              {t(`tracks.${track}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="usa-form-group">
        <label className="usa-label" htmlFor="candidates-language">
          {t('candidates.filters.language')}
        </label>
        <select
          id="candidates-language"
          className="usa-select"
          value={filters.language}
          onChange={(event) => set({ language: event.target.value, minSpeaking: event.target.value ? filters.minSpeaking : '' })}
        >
          <option value="">{t('candidates.filters.anyLanguage')}</option>
          {languages.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="usa-form-group">
        <label className="usa-label" htmlFor="candidates-level">
          {t('candidates.filters.minSpeaking')}
        </label>
        <select id="candidates-level" className="usa-select" value={filters.minSpeaking} disabled={!filters.language} onChange={(event) => set({ minSpeaking: event.target.value })}>
          <option value="">{t('candidates.filters.anyLevel')}</option>
          {levels.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function CandidateList({ deployment }: { deployment: DeploymentDetail }) {
  const { t } = useTranslation();
  const lastRotation = deployment.rotations[deployment.rotations.length - 1];
  const [rotationId, setRotationId] = useState(lastRotation?.id ?? '');
  const [filters, setFilters] = useState<CandidateFilters>(NO_FILTERS);
  const [sort, setSort] = useState<CandidateSort>('rank');
  const [direction, setDirection] = useState<Direction>('ascending');
  const [nominated, setNominated] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const query = useCandidates(deployment.id, rotationId, filters);
  const rotation = deployment.rotations.find((candidate) => candidate.id === rotationId);
  const canNominate = deployment.allowedActions.includes('nominate');
  const onSort = (column: CandidateSort) => {
    setDirection(column === sort ? (direction === 'ascending' ? 'descending' : 'ascending') : firstDirection(column));
    setSort(column);
  };
  const rows = query.data ? sortCandidates(query.data, sort, direction) : [];

  return (
    <>
      {deployment.rotations.length > 1 && (
        <div className="usa-form-group margin-top-0">
          <label className="usa-label" htmlFor="candidates-rotation">
            {t('candidates.rotation')}
          </label>
          <select id="candidates-rotation" className="usa-select" value={rotationId} onChange={(event) => setRotationId(event.target.value)}>
            {deployment.rotations.map((option) => (
              <option key={option.id} value={option.id}>
                {t('rotations.name', { number: option.sequence })}: {t('common.dateRange', { from: formatDate(option.startOn), to: formatDate(option.endOn) })}
              </option>
            ))}
          </select>
        </div>
      )}
      {rotation && <p>{t('candidates.places', { number: rotation.sequence, taken: rotation.selectedCount, authorized: rotation.authorizedHeadcount })}</p>}
      <Filters filters={filters} onChange={setFilters} />
      <div ref={noticeRef} tabIndex={-1} className="candidates__notice">
        {nominated && (
          <Alert type="success" headingLevel="h2" isSlim role="status" className="margin-bottom-2">
            {nominated}
          </Alert>
        )}
      </div>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && (
        <section aria-labelledby="ranked-heading">
          <h2 id="ranked-heading">{t('candidates.rankedHeading')}</h2>
          <p className="text-base-dark" role="status">
            {query.data.length === 0 ? (filters === NO_FILTERS ? t('candidates.empty') : t('candidates.emptyFiltered')) : t('candidates.shown', { count: query.data.length, track: t(`tracks.${deployment.track}`) })}
          </p>
          {query.data.length > 0 && (
            <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby="ranked-heading">
              <table className="usa-table usa-table--compact usa-table--borderless candidate-table">
                <caption className="usa-sr-only">{t('candidates.caption')}</caption>
                <thead>
                  <tr>
                    {(['rank', 'score', 'name', 'agency'] as const).map((column) => (
                      <SortHeader key={column} column={column} sort={sort} direction={direction} onSort={onSort} />
                    ))}
                    <th scope="col">{t('candidates.columns.languages')}</th>
                    {(['readiness', 'availability'] as const).map((column) => (
                      <SortHeader key={column} column={column} sort={sort} direction={direction} onSort={onSort} />
                    ))}
                    {canNominate && <th scope="col">{t('candidates.columns.nominate')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ rank, candidate }) => (
                    <CandidateRow
                      key={candidate.person.id}
                      candidate={candidate}
                      columns={canNominate ? 8 : 7}
                      rank={rank}
                      deploymentId={deployment.id}
                      rotationId={rotationId}
                      canNominate={canNominate}
                      onNominated={(name, role) => {
                        // The row goes once the list is asked again, so focus moves to the news.
                        flushSync(() => setNominated(t('candidates.nominated', { name, role })));
                        noticeRef.current?.focus();
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** People ranked for a deployment's rotation in a compact table, filtered and sorted, each score explained, with a Nominate button each. */
export function CandidatesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useDeployment(id);
  const deployment = query.data;
  return (
    <>
      <PageHeader
        title={deployment ? t('candidates.title', { title: deployment.title }) : t('candidates.titleLoading')}
        lead={t('candidates.lead')}
        actions={
          <Link to={`/deployments/${id}`} className="usa-button usa-button--outline">
            {t('candidates.backToDeployment')}
          </Link>
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {deployment && (
        <>
          <Needs deployment={deployment} />
          <CandidateList deployment={deployment} />
        </>
      )}
    </>
  );
}
