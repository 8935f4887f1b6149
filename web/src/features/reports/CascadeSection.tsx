import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/schemas';
import { GenerationsTable, useGenerationLabel } from '../cascade/GenerationsTable';
import { ChartSection } from './ChartFigure';

const CascadeChart = lazy(() => import('./charts').then((module) => ({ default: module.CascadeChart })));

export type GenerationRow = Dashboard['cascade']['generations'][number] & { label: string };

/** The year's cascade: people trained by each generation and the instructors it produced. */
export function CascadeSection({ dashboard, scope }: { dashboard: Dashboard; scope: string[] }) {
  const { t } = useTranslation();
  const { cascade, filters } = dashboard;
  const label = useGenerationLabel();
  const rows: GenerationRow[] = cascade.generations.map((row) => ({ ...row, label: label(row.generation) }));

  return (
    <ChartSection
      id="cascade-chart-heading"
      heading={t('dashboard.cascade.heading')}
      empty={cascade.totalTrained === 0 ? t('dashboard.cascade.empty', { year: filters.year }) : null}
      chart={<CascadeChart rows={rows} />}
    >
      <GenerationsTable generations={rows} caption={t('dashboard.cascade.caption', { year: filters.year })} className="margin-top-0" />
      {scope.length > 0 && <p className="usa-hint margin-top-1">{t('figures.cascadeFiltered', { scope: scope.join(' · ') })}</p>}
      <p className="margin-top-1">
        <Link to={cascade.link}>{t('dashboard.cascade.more', { year: filters.year })}</Link>
      </p>
    </ChartSection>
  );
}
