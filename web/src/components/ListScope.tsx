import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOrganizationOptions } from '../features/organizations/api';
import { countryName, formatCount, formatDate } from './format';

/** "2010" for a whole calendar year; otherwise the ends, for the caller to word. */
function period(from: string | null, to: string | null): { year: string } | { from: string | null; to: string | null } | null {
  if (from && to && from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31')) return { year: from.slice(0, 4) };
  return from || to ? { from, to } : null;
}

/**
 * What a list was opened with, in words ("2010 · Policing · Haiti"), and how many records match
 * ("236 certifications"): a list opened from a figure says the figure's filters and shows its number.
 */
export function ListScope({ total, noun }: { total: number | undefined; noun: (count: number, formatted: string) => string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const organizationId = params.get('organizationId');
  const organizations = useOrganizationOptions();
  const asOf = params.get('activeOn') ?? params.get('asOf');
  const track = params.get('track') ?? params.get('trainedTrack');
  const country = params.get('country') ?? params.get('hostCountry') ?? params.get('trainedCountry');
  const span = period(params.get('from') ?? params.get('trainedFrom') ?? params.get('dueFrom'), params.get('to') ?? params.get('trainedTo') ?? params.get('dueBy'));
  const spanText =
    span === null ? null
    : 'year' in span ? span.year
    : span.from && span.to ? t('figures.scope.between', { from: formatDate(span.from), to: formatDate(span.to) })
    : span.from ? t('figures.scope.since', { date: formatDate(span.from) })
    : t('figures.scope.until', { date: formatDate(span.to) });
  const parts = [
    params.get('year') ?? spanText,
    asOf ? t('figures.scope.asOf', { date: formatDate(asOf) }) : null,
    track === 'policing' || track === 'corrections' ? t(`tracks.${track}`) : null,
    country ? countryName(country) : null,
    organizationId ? (organizations.data?.find((organization) => organization.id === organizationId)?.name ?? t('dashboard.onePartner')) : null,
    params.get('credentialLevel') ? t('figures.scope.instructorLevel') : null,
    params.get('expiresBy') ? t('figures.scope.expiresBy', { date: formatDate(params.get('expiresBy') as string) }) : null,
    params.get('isOverdue') === 'true' ? t('figures.scope.overdue') : null,
    params.get('cancelled') === 'exclude' ? t('figures.scope.notCancelled') : null,
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0 && total === undefined) return null;
  return (
    <p className="list-scope margin-top-0" aria-live="polite">
      {parts.length > 0 && <span className="display-block text-base-dark">{t('figures.scope.limitedTo', { scope: parts.join(' · ') })}</span>}
      {total !== undefined && <strong>{noun(total, formatCount(total))}</strong>}
    </p>
  );
}
