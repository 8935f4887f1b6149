import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PersonDays } from '../../api/schemas';
import { countryName, formatCount } from '../../components/format';
import { ListScope } from '../../components/ListScope';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePersonDays } from './api';

const GROUPS = ['deployment', 'country', 'organization', 'year'] as const;
type Group = PersonDays['groupBy'];

function RowLabel({ groupBy, row }: { groupBy: Group; row: PersonDays['rows'][number] }) {
  if (groupBy === 'deployment') return <Link to={`/deployments/${row.key}`}>{row.label}</Link>;
  if (groupBy === 'country') return <>{countryName(row.key)}</>;
  return <>{row.label}</>;
}

/**
 * Days deployed, summed over people (six officers for 90 days is 540), by the grouping chosen;
 * the table changes in place as the choices change, without leaving the page.
 */
export function PersonDaysSection({ years }: { years: number[] }) {
  const { t } = useTranslation();
  // Opened from the dashboard's person-days, the address names the year and the figure's filters.
  const [params] = useSearchParams();
  const filters = { track: params.get('track') ?? undefined, country: params.get('country') ?? undefined, organizationId: params.get('organizationId') ?? undefined };
  const [groupBy, setGroupBy] = useState<Group>('deployment');
  const [year, setYear] = useState(params.get('year') ?? '');
  const query = usePersonDays(groupBy, year, filters);
  const data = query.data;
  // While another grouping loads, the table still shows the last one: name its column by what it shows.
  const groupLabel = t(`personDays.groups.${data?.groupBy ?? groupBy}`);
  const groupName = t(`personDays.groupNames.${data?.groupBy ?? groupBy}`);
  const caption = year ? t('personDays.captionYear', { group: groupName, year }) : t('personDays.caption', { group: groupName });

  return (
    <section aria-labelledby="person-days-heading" className="margin-top-5">
      <h2 id="person-days-heading">{t('personDays.heading')}</h2>
      <p className="usa-hint margin-top-0">{t('personDays.lead')}</p>
      <ListScope total={data?.total} noun={(count, formatted) => t('figures.totals.personDays', { count, formatted })} />
      <div className="filter-bar margin-bottom-2">
        <div className="filter-bar__item">
          <label className="usa-label margin-top-0" htmlFor="person-days-group">
            {t('personDays.groupBy')}
          </label>
          <select id="person-days-group" className="usa-select" value={groupBy} onChange={(event) => setGroupBy(event.target.value as Group)}>
            {GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`personDays.groups.${group}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__item">
          <label className="usa-label margin-top-0" htmlFor="person-days-year">
            {t('personDays.year')}
          </label>
          <select id="person-days-year" className="usa-select" value={year} onChange={(event) => setYear(event.target.value)}>
            <option value="">{t('personDays.allYears')}</option>
            {years.map((option) => (
              <option key={option} value={String(option)}>
                {option}
              </option>
            ))}
          </select>
        </div>
      </div>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
      {data && data.rows.length === 0 && <p className="text-base-dark">{t('personDays.empty')}</p>}
      {data && data.rows.length > 0 && (
        <table className="usa-table usa-table--borderless usa-table--stacked width-full margin-top-0">
          <caption aria-live="polite">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{groupLabel}</th>
              <th scope="col">{t('personDays.people')}</th>
              <th scope="col">{t('personDays.personDays')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" data-label={groupLabel}>
                  <RowLabel groupBy={data.groupBy} row={row} />
                </th>
                <td data-label={t('personDays.people')}>{formatCount(row.people)}</td>
                <td data-label={t('personDays.personDays')}>{formatCount(row.personDays)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" data-label={groupLabel}>
                {t('personDays.total')}
              </th>
              <td data-label={t('personDays.people')} />
              <td data-label={t('personDays.personDays')}>{formatCount(data.total)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
