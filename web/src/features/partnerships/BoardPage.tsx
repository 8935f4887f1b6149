import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type Board, ORGANIZATION_KINDS } from '../../api/schemas';
import { useCan } from '../../api/session';
import { ExportLinks } from '../../components/ExportLinks';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { countryName, formatCount, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StageBadge } from '../../components/StageBadge';
import { useOrganizationOptions } from '../organizations/api';
import { useBoard, useOwnerChoices } from './api';

const FILTERS = ['kind', 'country', 'ownerId'] as const;

/** The board's filters, kept in the address: kind of organization, country (the partner's own or one its partnership works toward), owner. */
function BoardFilters() {
  const { t } = useTranslation();
  const organizations = useOrganizationOptions();
  const owners = useOwnerChoices({ id: null, name: null });
  const countries = [...new Set((organizations.data ?? []).map((organization) => organization.country))]
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <FilterBar names={FILTERS} label={t('partnerships.boardFiltersLabel')}>
      <FilterSelect
        name="kind"
        label={t('partnerships.filters.kind')}
        options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`organizationKinds.${kind}`) }))}
        allLabel={t('partnerships.allKinds')}
      />
      <FilterSelect key={`country-${countries.length}`} name="country" label={t('partnerships.filters.country')} options={countries} allLabel={t('partnerships.allCountries')} />
      <FilterSelect key={`owner-${owners.length}`} name="ownerId" label={t('partnerships.filters.owner')} options={owners} allLabel={t('partnerships.allOwners')} />
    </FilterBar>
  );
}

function BoardColumn({ column }: { column: Board['columns'][number] }) {
  const { t } = useTranslation();
  const headingId = `stage-${column.stage}`;
  const hidden = column.count - column.items.length;
  return (
    <section className="board__column" aria-labelledby={headingId}>
      <h2 id={headingId} className="board__heading">
        <StageBadge stage={column.stage} />
        <span className="board__count">{t('partnerships.columnCount', { count: column.count, formatted: formatCount(column.count) })}</span>
      </h2>
      {column.items.length === 0 ? (
        <p className="board__empty">{t('partnerships.columnEmpty')}</p>
      ) : (
        <ul className="board__cards">
          {column.items.map((partnership) => (
            <li key={partnership.id} className="board__card">
              <Link to={`/partnerships/${partnership.id}`} className="board__card-link">
                {partnership.organization.name}
              </Link>
              <span className="board__meta">
                {t(`organizationKinds.${partnership.organization.kind}`)} · {countryName(partnership.organization.country)}
              </span>
              <span className="board__meta">{t('partnerships.sinceDate', { date: formatDate(partnership.stageChangedOn) })}</span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && <p className="board__more">{t('partnerships.columnMore', { count: hidden })}</p>}
    </section>
  );
}

/** The pipeline, one column per stage, read left to right; on a phone the columns stack. */
export function BoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name) ?? '']] : [])));
  const board = useBoard(filters);
  return (
    <>
      <PageHeader
        title={t('partnerships.boardTitle')}
        lead={t('partnerships.boardLead')}
        actions={
          <>
            {can('partnerships', 'create') && (
              <Link to="/partnerships/new" className="usa-button">
                {t('nav.newPartnership')}
              </Link>
            )}
            <ExportLinks path="/partnerships" params={{ ...filters, sort: 'stage' }} />
          </>
        }
      />
      <BoardFilters />
      {board.isPending && <Loading />}
      {board.isError && <ProblemAlert error={board.error} />}
      {board.data && (
        <div className="board">
          {board.data.columns.map((column) => (
            <BoardColumn key={column.stage} column={column} />
          ))}
        </div>
      )}
    </>
  );
}
