import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard, Stage } from '../../api/schemas';
// From the enums, not the schemas' barrel: the dashboard is a first page and stays free of zod.
import { STAGES } from '../../../../src/platform/db/enums.js';
import { formatCount } from '../../components/format';
import { ChartSection } from './ChartFigure';

const PartnersChart = lazy(() => import('./charts').then((module) => ({ default: module.PartnersChart })));

export interface PartnerRow {
  kind: string;
  label: string;
  link: string;
  stages: Partial<Record<Stage, number>>;
  total: number;
}

/** Partners by organization kind and pipeline stage, as they stood at the end of the year. */
export function PartnersSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const year = dashboard.filters.year;
  const rows: PartnerRow[] = dashboard.partners.byKind.map((row) => ({
    kind: row.kind,
    label: t(`organizationKinds.${row.kind}` as 'organizationKinds.other', { defaultValue: row.kind }),
    link: row.link,
    stages: row.stages as Partial<Record<Stage, number>>,
    total: Object.values(row.stages).reduce((sum, count) => sum + count, 0),
  }));
  // Only the stages some partner is at: a column of zeros says nothing.
  const stages = STAGES.filter((stage) => rows.some((row) => (row.stages[stage] ?? 0) > 0));

  return (
    <ChartSection
      id="partners-chart-heading"
      heading={t('dashboard.partners.heading')}
      empty={rows.length === 0 ? t('dashboard.partners.empty') : null}
      chart={<PartnersChart rows={rows} stages={stages} />}
    >
      <table className="usa-table usa-table--borderless usa-table--stacked width-full margin-top-0">
        <caption>{t('dashboard.partners.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.partners.kind')}</th>
            {stages.map((stage) => (
              <th key={stage} scope="col" className="cell-number">
                {t(`stages.${stage}`)}
              </th>
            ))}
            <th scope="col" className="cell-number">
              {t('dashboard.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.kind}>
              <th scope="row" data-label={t('dashboard.partners.kind')}>
                <Link to={row.link}>{row.label}</Link>
              </th>
              {stages.map((stage) => (
                <td key={stage} data-label={t(`stages.${stage}`)} className="cell-number">
                  {formatCount(row.stages[stage] ?? 0)}
                </td>
              ))}
              <td data-label={t('dashboard.total')} className="cell-number">
                {formatCount(row.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartSection>
  );
}
