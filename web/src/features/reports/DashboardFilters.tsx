import { useTranslation } from 'react-i18next';
import { TRACKS } from '../../../../src/platform/db/enums.js';
import { useCountryChoices } from '../../components/choices';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { countryName } from '../../components/format';
import { useOrganizationOptions } from '../organizations/api';

export const DASHBOARD_FILTERS = ['year', 'track', 'country', 'organizationId'] as const;

interface DashboardFiltersProps {
  /** Years with activity, newest first, and the one shown when the address names none. */
  years: number[];
  year: number;
  /** The API's refusals of the address's filters, by filter. */
  problems: Record<string, string>;
}

/** The year, track, country and partner the figures are for; kept in the address like any list's filters. */
export function DashboardFilters({ years, year, problems }: DashboardFiltersProps) {
  const { t } = useTranslation();
  const countries = useCountryChoices();
  const organizations = useOrganizationOptions();
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a).map((value) => ({ value: String(value), label: String(value) }));
  // The program office runs the program; it is nobody's partner.
  const partners = (organizations.data ?? [])
    .filter((organization) => organization.kind !== 'program_office')
    .map((organization) => ({ value: organization.id, label: `${organization.name} (${countryName(organization.country)})` }));

  return (
    <FilterBar names={DASHBOARD_FILTERS} label={t('dashboard.filtersLabel')}>
      <FilterSelect key={`year-${yearOptions.length}`} name="year" label={t('dashboard.fields.year')} options={yearOptions} defaultValue={String(year)} error={problems.year} />
      <FilterSelect
        name="track"
        label={t('dashboard.fields.track')}
        options={TRACKS.map((track) => ({ value: track, label: t(`tracks.${track}`) }))}
        allLabel={t('dashboard.allTracks')}
        error={problems.track}
      />
      <FilterSelect name="country" label={t('dashboard.fields.country')} options={countries} allLabel={t('dashboard.allCountries')} error={problems.country} />
      <FilterSelect
        key={`partner-${partners.length}`}
        name="organizationId"
        label={t('dashboard.fields.partner')}
        options={partners}
        allLabel={t('dashboard.allPartners')}
        error={problems.organizationId}
      />
    </FilterBar>
  );
}
