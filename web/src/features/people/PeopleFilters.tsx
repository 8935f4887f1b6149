import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../api/session';
import { useCountryChoices, useIlrChoices, useLanguageChoices } from '../../components/choices';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { useOrganizationOptions } from '../organizations/api';

export const PEOPLE_FILTERS = ['q', 'organizationId', 'language', 'minSpeaking', 'specialty', 'heritageCountry', 'readiness', 'importId'] as const;

/**
 * Search the roster. Viewers see names only, so they are offered the name and agency filters
 * alone; whoever sees one agency only (a coordinator) is not offered agencies.
 */
export function PeopleFilters() {
  const { t } = useTranslation();
  const can = useCan();
  const organizations = useOrganizationOptions();
  const languages = useLanguageChoices();
  const levels = useIlrChoices();
  const countries = useCountryChoices();
  const isNamesOnly = !can('people', 'readDetail');
  const [params] = useSearchParams();
  const importId = params.get('importId');
  return (
    <FilterBar names={PEOPLE_FILTERS} label={t('people.filtersLabel')}>
      {/* The people an import wrote stay the list's subject while other filters narrow it. */}
      {importId && <input type="hidden" name="importId" value={importId} />}
      <FilterInput name="q" label={t('people.search')} isWide />
      {(organizations.data?.length ?? 0) > 1 && (
        <FilterSelect
          key={organizations.data?.length ?? 0}
          name="organizationId"
          label={t('people.fields.organization')}
          options={(organizations.data ?? []).map((organization) => ({ value: organization.id, label: organization.name }))}
          allLabel={t('people.allOrganizations')}
        />
      )}
      {!isNamesOnly && (
        <>
          <FilterSelect name="language" label={t('people.fields.language')} options={languages} allLabel={t('people.anyLanguage')} />
          <FilterSelect name="minSpeaking" label={t('people.minSpeaking')} options={levels} allLabel={t('people.anyLevel')} />
          <FilterInput name="specialty" label={t('people.fields.specialty')} />
          <FilterSelect name="heritageCountry" label={t('people.fields.heritageCountry')} options={countries} allLabel={t('people.allCountries')} />
          <FilterSelect
            name="readiness"
            label={t('people.fields.readiness')}
            options={(['ready', 'expiring', 'not_ready'] as const).map((status) => ({ value: status, label: t(`readiness.statuses.${status}`) }))}
            allLabel={t('people.anyReadiness')}
          />
        </>
      )}
    </FilterBar>
  );
}
