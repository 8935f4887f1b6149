import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateCredentialInput, createCredentialSchema, type Credential, type Track, TRACKS, TRANSLATION_LANGUAGES } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { intlLocale } from '../../language/languages';
import { blankToNull, numberToText, toNumber } from '../../components/form/values';

interface CredentialValues {
  name: string;
  description: string;
  criteria: string;
  track: string;
  validityMonths: string;
  passMark: string;
  minAttendancePercent: string;
  coTeachingsBeforeLead: string;
  translations: Record<TranslationLanguage, { name: string; criteria: string }>;
}

type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

function toValues(credential: Credential | undefined): CredentialValues {
  return {
    name: credential?.name ?? '',
    description: credential?.description ?? '',
    criteria: credential?.criteria ?? '',
    track: credential?.track ?? 'corrections',
    validityMonths: numberToText(credential?.validityMonths),
    passMark: numberToText(credential?.passMark),
    minAttendancePercent: numberToText(credential?.minAttendancePercent),
    coTeachingsBeforeLead: numberToText(credential?.coTeachingsBeforeLead ?? 0),
    translations: Object.fromEntries(
      TRANSLATION_LANGUAGES.map((language) => [language, { name: credential?.translations[language]?.name ?? '', criteria: credential?.translations[language]?.criteria ?? '' }]),
    ) as CredentialValues['translations'],
  };
}

/** A language with nothing typed is left out (printed in English); criteria alone still asks for the name. */
function toTranslations(values: CredentialValues['translations']): CreateCredentialInput['translations'] {
  return Object.fromEntries(
    TRANSLATION_LANGUAGES.flatMap((language) => {
      const { name, criteria } = values[language];
      return name.trim() || criteria.trim() ? [[language, { name, criteria: blankToNull(criteria) }]] : [];
    }),
  );
}

/** Every field is sent, so that emptying one (no expiry, no score) clears it on the record. */
function toRequest(values: CredentialValues) {
  return {
    name: values.name,
    description: blankToNull(values.description),
    criteria: values.criteria.trim(),
    track: values.track as Track,
    validityMonths: toNumber(values.validityMonths),
    passMark: toNumber(values.passMark),
    // Left empty, a required number is "required", not "not valid".
    minAttendancePercent: (toNumber(values.minAttendancePercent) ?? undefined) as number,
    coTeachingsBeforeLead: toNumber(values.coTeachingsBeforeLead) ?? 0,
    translations: toTranslations(values.translations),
  };
}

interface CredentialFormProps {
  credential?: Credential;
  onSubmit: (body: CreateCredentialInput) => Promise<unknown>;
  submitLabel: string;
  cancelTo: string;
}

/** A credential's criteria, each number explained in the words a program officer would use. */
export function CredentialForm({ credential, onSubmit, submitLabel, cancelTo }: CredentialFormProps) {
  const { t, i18n } = useTranslation();
  const languageNames = new Intl.DisplayNames([intlLocale(i18n.language)], { type: 'language' });
  const translationLabels = Object.fromEntries(
    TRANSLATION_LANGUAGES.flatMap((language) => {
      const name = languageNames.of(language) ?? language;
      return [
        [`translations.${language}.name`, t('credentials.translations.name', { language: name })],
        [`translations.${language}.criteria`, t('credentials.translations.criteria', { language: name })],
      ];
    }),
  );
  const form = useForm({ defaultValues: toValues(credential), resolver: apiResolver({ schema: createCredentialSchema, toRequest }), shouldFocusError: false });
  return (
    <Form
      form={form}
      latest={credential ? { version: credential.version, values: toValues(credential) } : undefined}
      idPrefix="credential"
      labels={{
        name: t('credentials.fields.name'),
        description: t('credentials.fields.description'),
        criteria: t('credentials.fields.criteria'),
        track: t('credentials.fields.track'),
        validityMonths: t('credentials.fields.validityMonths'),
        passMark: t('credentials.fields.passMark'),
        minAttendancePercent: t('credentials.fields.minAttendancePercent'),
        coTeachingsBeforeLead: t('credentials.fields.coTeachingsBeforeLead'),
        ...translationLabels,
      }}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      cancel={cancelTo}
    >
      <TextField name="name" isRequired hint={t('credentials.hints.name')} />
      <SelectField name="track" isRequired options={TRACKS.map((track) => ({ value: track, label: t(`tracks.${track}`) }))} />
      <TextAreaField name="description" hint={t('credentials.hints.description')} className="short-textarea" />
      <TextAreaField name="criteria" isRequired hint={t('credentials.hints.criteria')} />
      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{t('credentials.checksLegend')}</legend>
        <p className="usa-hint margin-y-1">{t('credentials.checksHint')}</p>
        <TextField name="minAttendancePercent" isRequired inputMode="numeric" inputClassName="usa-input--small" hint={t('credentials.hints.minAttendancePercent')} />
        <TextField name="passMark" inputMode="numeric" inputClassName="usa-input--small" hint={t('credentials.hints.passMark')} />
        <TextField name="validityMonths" inputMode="numeric" inputClassName="usa-input--small" hint={t('credentials.hints.validityMonths')} />
        <TextField name="coTeachingsBeforeLead" inputMode="numeric" inputClassName="usa-input--small" hint={t('credentials.hints.coTeachingsBeforeLead')} />
      </fieldset>
      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{t('credentials.translations.legend')}</legend>
        <p className="usa-hint margin-y-1">{t('credentials.translations.hint')}</p>
        {TRANSLATION_LANGUAGES.map((language) => (
          <div key={language} lang={language}>
            <TextField name={`translations.${language}.name`} />
            <TextAreaField name={`translations.${language}.criteria`} className="short-textarea" hint={t('credentials.translations.criteriaHint')} />
          </div>
        ))}
      </fieldset>
    </Form>
  );
}
