import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/fields';
import { useSubdivisionChoices } from './subdivisions';

/**
 * The state, province or department, chosen by name among the chosen country's; the ISO 3166-2
 * code is what is sent. A country that ISO 3166-2 divides into nothing offers nothing to choose.
 */
export function SubdivisionField({ name, countryField }: { name: string; countryField: string }) {
  const { t } = useTranslation();
  const { control, getValues, setValue } = useFormContext();
  const country = (useWatch({ control, name: countryField }) as string | undefined) ?? '';
  const { choices, isPending } = useSubdivisionChoices(country);

  // Another country's subdivision goes when the country changes.
  useEffect(() => {
    const current = getValues(name) as string;
    if (current && country && !current.startsWith(`${country}-`)) setValue(name, '');
  }, [country, name, getValues, setValue]);

  const hint = !country ? t('organizations.hints.subdivisionCountryFirst') : !isPending && choices.length === 0 ? t('organizations.hints.subdivisionNone') : t('organizations.hints.subdivision');
  return (
    <SelectField
      // Re-mounted once the choices are there, so the select shows the value on record.
      key={`${country}:${choices.length}`}
      name={name}
      hint={hint}
      placeholder={isPending && country ? t('common.loading') : t('common.none')}
      options={choices}
    />
  );
}
