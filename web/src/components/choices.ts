import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
// From the enums, not the schemas' barrel: the dashboard's filters stay free of zod and every module's schemas.
import { ILR_LEVELS, ORGANIZATION_KINDS } from '../../../src/platform/db/enums.js';
import type { Option } from './form/fields';
import { countryOptions, languageOptions } from './format';

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

/** Every language, named and sorted in the current language. */
export function useLanguageChoices(): Option[] {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => languageOptions(language).map(({ code, name }) => ({ value: code, label: name })), [language]);
}

/** The ILR scale, each level with what it means ("2 – Limited working"). */
export function useIlrChoices(): Option[] {
  const { t } = useTranslation();
  return ILR_LEVELS.map((level) => ({ value: level, label: t('ilr.level', { level, meaning: t(`ilr.meanings.${level}`) }) }));
}
