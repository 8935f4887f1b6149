import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/schemas';
import { countryName, formatCount } from '../../components/format';
import { ChartSection } from './ChartFigure';

const TrainedChart = lazy(() => import('./charts').then((module) => ({ default: module.TrainedChart })));

export type TrainedRow = Dashboard['trained']['byCountry'][number] & { label: string };

/** People who completed training in the year, by the country it was given in and by sex. */
export function TrainedSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const year = dashboard.filters.year;
  const rows: TrainedRow[] = dashboard.trained.byCountry.map((row) => ({ ...row, label: countryName(row.country) }));
  const hasUnrecorded = rows.some((row) => row.unrecorded > 0);
  const columns: { key: 'female' | 'male' | 'unrecorded' | 'total'; header: string }[] = [
    { key: 'female', header: t('dashboard.trained.female') },
    { key: 'male', header: t('dashboard.trained.male') },
    ...(hasUnrecorded ? [{ key: 'unrecorded' as const, header: t('dashboard.trained.unrecorded') }] : []),
    { key: 'total', header: t('dashboard.total') },
  ];

  return (
    <ChartSection
      id="trained-chart-heading"
      heading={t('dashboard.trained.heading')}
      empty={rows.length === 0 ? t('dashboard.trained.empty', { year }) : null}
      chart={<TrainedChart rows={rows} hasUnrecorded={hasUnrecorded} />}
    >
      <table className="usa-table usa-table--borderless usa-table--stacked width-full margin-top-0">
        <caption>{t('dashboard.trained.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.trained.country')}</th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="cell-number">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.country}>
              <th scope="row" data-label={t('dashboard.trained.country')}>
                <Link to={row.link}>{row.label}</Link>
              </th>
              {columns.map((column) => (
                <td key={column.key} data-label={column.header} className="cell-number">
                  {formatCount(row[column.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartSection>
  );
}
