import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS } from '../api/schemas';
import type { Option } from './form/fields';
import { countryOptions } from './format';

/** Every country, named and sorted in the current language. */
export function useCountryChoices(): Option[] {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => countryOptions(language).map(({ code, name }) => ({ value: code, label: name })), [language]);
}

export function useOrganizationKindChoices(): Option[] {
  const { t } = useTranslation();
  return ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`organizationKinds.${kind}`) }));
}
