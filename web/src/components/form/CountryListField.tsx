import { useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCountryChoices } from '../choices';
import { countryName } from '../format';
import { describedBy, useField } from './fields';

/**
 * A list of countries: the chosen ones with a Remove button each, and a select to add one.
 * Friendlier than a 250-line multiple select, and every part works by keyboard.
 */
export function CountryListField({ name, hint }: { name: string; hint?: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext();
  const { field: controller } = useController({ name, control });
  const field = useField(name);
  const countries = useCountryChoices();
  const [pick, setPick] = useState('');
  const chosen = (controller.value as string[] | undefined) ?? [];

  const add = () => {
    if (pick && !chosen.includes(pick)) controller.onChange([...chosen, pick]);
    setPick('');
  };

  return (
    <fieldset className={`usa-fieldset usa-form-group ${field.error ? 'usa-form-group--error' : ''}`}>
      <legend className="usa-legend">{field.label}</legend>
      {hint && (
        <div className="usa-hint" id={field.hintId}>
          {hint}
        </div>
      )}
      {field.error && (
        <span className="usa-error-message" id={field.errorId}>
          {t('form.fieldError', { label: field.label, message: field.error })}
        </span>
      )}
      {chosen.length === 0 ? (
        <p className="margin-y-1 text-base-dark">{t('form.noCountries')}</p>
      ) : (
        <ul className="chip-list" aria-label={field.label}>
          {chosen.map((code) => (
            <li key={code} className="chip-list__item">
              <span>{countryName(code)}</span>
              <button
                type="button"
                className="usa-button usa-button--unstyled chip-list__remove"
                aria-label={t('form.removeItem', { item: countryName(code) })}
                onClick={() => controller.onChange(chosen.filter((candidate) => candidate !== code))}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="usa-label" htmlFor={field.id}>
        {t('form.addCountry')}
      </label>
      <div className="inline-add">
        <select
          id={field.id}
          className="usa-select"
          value={pick}
          onChange={(event) => setPick(event.target.value)}
          aria-describedby={describedBy(field, Boolean(hint))}
          onBlur={controller.onBlur}
        >
          <option value="">{t('common.select')}</option>
          {countries
            .filter((country) => !chosen.includes(country.value))
            .map((country) => (
              <option key={country.value} value={country.value}>
                {country.label}
              </option>
            ))}
        </select>
        <button type="button" className="usa-button usa-button--outline" onClick={add} disabled={!pick}>
          {t('common.add')}
        </button>
      </div>
    </fieldset>
  );
}
