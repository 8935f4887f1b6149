import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { queryProblems } from '../../api/problem';
import type { Dashboard } from '../../api/schemas';
import { useCan } from '../../api/session';
import { countryName } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CertificationsExpiring } from '../home/CertificationsExpiring';
import { OverdueFollowUps } from '../home/OverdueFollowUps';
import { RenewalsDue } from '../home/RenewalsDue';
import { VettingPending } from '../home/VettingPending';
import { useOrganizationOptions } from '../organizations/api';
import { defaultReportYear, useDashboard, useReportYears } from './api';
import { CascadeSection } from './CascadeSection';
import { CountriesSection } from './CountriesSection';
import { DashboardFilters } from './DashboardFilters';
import { FigureCards } from './FigureCards';
import { PartnersSection } from './PartnersSection';
import { TrainedSection } from './TrainedSection';

interface ScopeFilters {
  track?: string | null | undefined;
  country?: string | null | undefined;
  organizationId?: string | null | undefined;
}

/** "El Salvador · Corrections · Dirección General de Centros Penales": what the figures are limited to. */
function useScope({ track, country, organizationId }: ScopeFilters): string[] {
  const { t } = useTranslation();
  const organizations = useOrganizationOptions();
  const partner = organizationId ? (organizations.data?.find((organization) => organization.id === organizationId)?.name ?? t('dashboard.onePartner')) : null;
  return [country ? countryName(country) : null, track ? t(`tracks.${track as 'policing' | 'corrections'}`) : null, partner].filter((part): part is string => part !== null);
}

function Figures({ dashboard, isFetching }: { dashboard: Dashboard; isFetching: boolean }) {
  const { t } = useTranslation();
  const scope = useScope(dashboard.filters);
  return (
    <div aria-busy={isFetching} className="dashboard">
      <h2 className="margin-bottom-1">{t('dashboard.scopeHeading', { year: dashboard.filters.year })}</h2>
      <p className="margin-top-0 text-base-dark">{scope.length > 0 ? t('dashboard.scopeFiltered', { scope: scope.join(' · ') }) : t('dashboard.scopeAll')}</p>
      <FigureCards dashboard={dashboard} />
      <p className="usa-hint">{t('dashboard.asOf', { year: dashboard.filters.year })}</p>
      <PartnersSection dashboard={dashboard} />
      <TrainedSection dashboard={dashboard} />
      <CascadeSection dashboard={dashboard} scope={scope} />
      <CountriesSection dashboard={dashboard} />
    </div>
  );
}

/** Today's work, whatever the filters say: what is overdue, due or waiting. */
function NeedsAttention() {
  const can = useCan();
  return (
    <div className="grid-row grid-gap-lg margin-top-4">
      <div className="grid-col-12 desktop:grid-col-6">
        <OverdueFollowUps />
        <RenewalsDue />
      </div>
      {can('vetting', 'read') && (
        <div className="grid-col-12 desktop:grid-col-6">
          <CertificationsExpiring />
          <VettingPending />
        </div>
      )}
    </div>
  );
}

/**
 * The program office's home: the program in figures for a year (partners, engagements,
 * deployments, instructors, people trained, the cascade and the countries assisted), filtered
 * by track, country and partner, each figure a way into its records; then today's work.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const years = useReportYears();
  const fallbackYear = defaultReportYear(years.data);
  const isYearKnown = params.has('year') || !years.isPending;
  const filters = {
    year: params.get('year') ?? String(fallbackYear),
    track: params.get('track') ?? undefined,
    country: params.get('country') ?? undefined,
    organizationId: params.get('organizationId') ?? undefined,
  };
  const query = useDashboard(filters, { enabled: isYearKnown });
  const problems = queryProblems(query.error);
  const scope = useScope(filters);
  const printFilters = [filters.year, ...(scope.length > 0 ? scope : [t('print.dashboardAll')])].join(' · ');

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        lead={t('dashboard.lead')}
        printFilters={printFilters}
        actions={
          <Link to={params.has('year') ? `/reports?year=${encodeURIComponent(params.get('year') ?? '')}` : '/reports'} className="usa-button usa-button--outline">
            {t('dashboard.toReports')}
          </Link>
        }
      />
      <DashboardFilters years={years.data ?? []} year={fallbackYear} problems={problems} />
      {(!isYearKnown || query.isPending) && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && !query.isError && <Figures dashboard={query.data} isFetching={query.isFetching} />}
      <NeedsAttention />
    </>
  );
}
