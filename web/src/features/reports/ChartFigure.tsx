import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';

/**
 * A chart beside the table of its figures (below it on a phone). The chart is for the eye and
 * hidden from screen readers; the table, which has every figure the chart draws, is for everyone.
 */
export function ChartFigure({ chart, children }: { chart: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="grid-row grid-gap-lg">
      <div className="grid-col-12 desktop:grid-col-7">
        <div className="dashboard-chart" aria-hidden="true">
          {/* The chart library loads with the first chart; the table is there meanwhile. */}
          <Suspense fallback={<Loading label={t('dashboard.chartLoading')} />}>{chart}</Suspense>
        </div>
      </div>
      <div className="grid-col-12 desktop:grid-col-5">{children}</div>
    </div>
  );
}

interface ChartSectionProps {
  id: string;
  heading: string;
  /** What to say instead when the filters leave nothing to draw; null when there is something. */
  empty: string | null;
  chart: ReactNode;
  children: ReactNode;
}

/** A dashboard section: its heading, then its chart and table, or a sentence saying there is nothing. */
export function ChartSection({ id, heading, empty, chart, children }: ChartSectionProps) {
  return (
    <section aria-labelledby={id} className="dashboard-section">
      <h2 id={id}>{heading}</h2>
      {empty !== null ? <p className="text-base-dark">{empty}</p> : <ChartFigure chart={chart}>{children}</ChartFigure>}
    </section>
  );
}
