import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ORGANIZATION_SORTS } from '../../api/schemas';
import { useCountryChoices, useOrganizationKindChoices } from '../../components/choices';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';

export const FILTER_NAMES = ['q', 'kind', 'country', 'archived', 'sort', 'order', 'importId'] as const;

export function OrganizationFilters() {
  const { t } = useTranslation();
  const kinds = useOrganizationKindChoices();
  const countries = useCountryChoices();
  const [params] = useSearchParams();
  const importId = params.get('importId');
  return (
    <FilterBar names={FILTER_NAMES} label={t('organizations.filtersLabel')}>
      {/* The organizations an import wrote stay the list's subject while other filters narrow it. */}
      {importId && <input type="hidden" name="importId" value={importId} />}
      <FilterInput name="q" label={t('organizations.search')} isWide />
      <FilterSelect name="kind" label={t('organizations.fields.kind')} options={kinds} allLabel={t('organizations.allKinds')} />
      <FilterSelect name="country" label={t('organizations.fields.country')} options={countries} allLabel={t('organizations.allCountries')} />
      <FilterSelect
        name="archived"
        label={t('organizations.archivedFilter')}
        options={(['exclude', 'include', 'only'] as const).map((value) => ({ value, label: t(`organizations.archivedOptions.${value}`) }))}
      />
      <FilterSelect name="sort" label={t('common.sortBy')} options={ORGANIZATION_SORTS.map((sort) => ({ value: sort, label: t(`organizations.sorts.${sort}`) }))} />
      <FilterSelect
        name="order"
        label={t('common.order')}
        options={[
          { value: 'asc', label: t('common.ascending') },
          { value: 'desc', label: t('common.descending') },
        ]}
      />
    </FilterBar>
  );
}
