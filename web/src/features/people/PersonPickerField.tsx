import { type KeyboardEvent, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RequiredMarker, useField } from '../../components/form/fields';
import { usePeopleSearch } from './api';
import { personName } from './PersonFacts';

/**
 * Choosing one person from the roster by name: type, search, pick one of the matches. The
 * matches are radio buttons, so the choice works by keyboard and reads as a plain question.
 */
export function PersonPickerField({ name, hint, isRequired }: { name: string; hint?: string; isRequired?: boolean }) {
  const { t } = useTranslation();
  const { control } = useFormContext();
  const { field: controller } = useController({ name, control });
  const field = useField(name);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const results = usePeopleSearch(q);
  const matches = results.data ?? [];

  const search = () => setQ(text.trim());
  // Enter in the search box searches, rather than sending the whole form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    search();
  };

  return (
    <fieldset className={`usa-fieldset usa-form-group ${field.error ? 'usa-form-group--error' : ''}`}>
      <legend className="usa-legend">
        {field.label}
        {isRequired && <RequiredMarker />}
      </legend>
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
      <label className="usa-label" htmlFor={field.id}>
        {t('people.picker.search')}
      </label>
      <div className="inline-add">
        <input
          id={field.id}
          type="text"
          className={`usa-input ${field.error ? 'usa-input--error' : ''}`}
          value={text}
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby={[hint ? field.hintId : null, field.error ? field.errorId : null].filter(Boolean).join(' ') || undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="usa-button usa-button--outline" onClick={search}>
          {t('people.picker.find')}
        </button>
      </div>
      {chosen && <p className="margin-y-1">{t('people.picker.chosen', { name: chosen })}</p>}
      <p className="margin-y-1 text-base-dark" role="status">
        {q && !results.isPending && (matches.length === 0 ? t('people.picker.none', { q }) : t('people.picker.found', { count: matches.length }))}
      </p>
      {matches.map((person) => {
        const id = `${field.id}-${person.id}`;
        const label = `${personName(person)}, ${person.organizationName}`;
        return (
          <div key={person.id} className="usa-radio">
            <input
              className="usa-radio__input"
              type="radio"
              id={id}
              name={`${field.id}-choice`}
              value={person.id}
              checked={controller.value === person.id}
              onChange={() => {
                controller.onChange(person.id);
                setChosen(label);
              }}
            />
            <label className="usa-radio__label" htmlFor={id}>
              {label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
