import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateDeploymentInput, createDeploymentSchema, type IlrLevel, PURPOSES, type Track, TRACKS } from '../../api/schemas';
import { useCountryChoices, useIlrChoices, useLanguageChoices } from '../../components/choices';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { CheckboxField, CheckboxGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { RowsField } from '../../components/form/RowsField';
import { blankToNull, splitList } from '../../components/form/values';
import { useOrganizationOptions } from '../organizations/api';

export interface DeploymentValues {
  title: string;
  hostCountry: string;
  hostOrganizationId: string;
  track: string;
  purposes: string[];
  startOn: string;
  endOn: string;
  authorizedHeadcount: string;
  requiredLanguages: { language: string; minSpeaking: string }[];
  /** Typed on one line, commas between; the API takes a list. */
  specialties: string;
  isHighThreat: boolean;
  summary: string;
}

const EMPTY: DeploymentValues = {
  title: '',
  hostCountry: '',
  hostOrganizationId: '',
  track: 'policing',
  purposes: [],
  startOn: '',
  endOn: '',
  authorizedHeadcount: '',
  requiredLanguages: [],
  specialties: '',
  isHighThreat: false,
  summary: '',
};

function toRequest(values: DeploymentValues) {
  return {
    title: values.title,
    // A country not chosen is missing ("is required"), not a code that is wrong.
    hostCountry: (values.hostCountry || undefined) as string,
    hostOrganizationId: blankToNull(values.hostOrganizationId),
    track: values.track as Track,
    purposes: values.purposes as CreateDeploymentInput['purposes'],
    // An empty date is "required", not "not a date".
    startOn: (values.startOn || undefined) as string,
    // Left out, the API plans a standard 90-day tour.
    endOn: blankToNull(values.endOn) ?? undefined,
    // Blank or not a number, it fails the schema's integer check; a blank one is named "required" below.
    authorizedHeadcount: values.authorizedHeadcount.trim() === '' ? Number.NaN : Number(values.authorizedHeadcount),
    requiredLanguages: values.requiredLanguages.map((row) => ({ language: (row.language || undefined) as string, minSpeaking: row.minSpeaking as IlrLevel })),
    specialties: splitList(values.specialties),
    isHighThreat: values.isHighThreat,
    summary: blankToNull(values.summary),
  };
}

interface DeploymentFormProps {
  onSubmit: (body: CreateDeploymentInput) => Promise<unknown>;
  cancelTo: string;
}

/** Planning a deployment: where, with whom, what for, when, how many, and who would fit. */
export function DeploymentForm({ onSubmit, cancelTo }: DeploymentFormProps) {
  const { t } = useTranslation();
  const countries = useCountryChoices();
  const languages = useLanguageChoices();
  const levels = useIlrChoices();
  const organizations = useOrganizationOptions();
  const form = useForm({
    defaultValues: EMPTY,
    resolver: apiResolver({
      schema: createDeploymentSchema,
      toRequest,
      check: (values) => (values.authorizedHeadcount.trim() === '' ? [{ field: 'authorizedHeadcount', message: t('validation.required') }] : []),
    }),
    shouldFocusError: false,
  });
  const [hostCountry, hostOrganizationId] = useWatch({ control: form.control, name: ['hostCountry', 'hostOrganizationId'] });
  // The host is usually an organization in the host country; the one chosen stays offered.
  const hostChoices = (organizations.data ?? [])
    .filter((organization) => !hostCountry || organization.country === hostCountry || organization.id === hostOrganizationId)
    .map((organization) => ({ value: organization.id, label: organization.name }));

  return (
    <Form
      form={form}
      idPrefix="deployment"
      labels={{
        title: t('deployments.fields.title'),
        hostCountry: t('deployments.fields.hostCountry'),
        hostOrganizationId: t('deployments.fields.hostOrganization'),
        track: t('deployments.fields.track'),
        purposes: t('deployments.fields.purposes'),
        startOn: t('deployments.fields.startOn'),
        endOn: t('deployments.fields.endOn'),
        authorizedHeadcount: t('deployments.fields.authorizedHeadcount'),
        requiredLanguages: t('deployments.fields.requiredLanguages'),
        'requiredLanguages.language': t('deployments.fields.language'),
        'requiredLanguages.minSpeaking': t('deployments.fields.minSpeaking'),
        specialties: t('deployments.fields.specialties'),
        isHighThreat: t('deployments.fields.isHighThreat'),
        summary: t('deployments.fields.summary'),
      }}
      onSubmit={onSubmit}
      submitLabel={t('deployments.create')}
      cancel={cancelTo}
    >
      <TextField name="title" isRequired hint={t('deployments.hints.title')} />
      <SelectField name="hostCountry" isRequired placeholder={t('common.select')} options={countries} />
      <SelectField
        key={`host-${hostChoices.length}`}
        name="hostOrganizationId"
        hint={t('deployments.hints.hostOrganization')}
        placeholder={organizations.isPending ? t('common.loading') : t('common.none')}
        options={hostChoices}
      />
      <SelectField name="track" isRequired options={TRACKS.map((track) => ({ value: track, label: t(`tracks.${track}`) }))} />
      <CheckboxGroupField name="purposes" isRequired options={PURPOSES.map((purpose) => ({ value: purpose, label: t(`purposes.${purpose}`) }))} />
      <div className="inline-fields">
        <DateField name="startOn" isRequired />
        <DateField name="endOn" hint={t('deployments.hints.endOn')} />
        <TextField name="authorizedHeadcount" isRequired inputMode="numeric" inputClassName="usa-input--small" hint={t('deployments.hints.authorizedHeadcount')} />
      </div>
      <RowsField<DeploymentValues, 'requiredLanguages'>
        name="requiredLanguages"
        legend={t('deployments.fields.requiredLanguages')}
        hint={t('deployments.hints.requiredLanguages')}
        rowLabel={(index) => t('deployments.languageRow', { number: index + 1 })}
        addLabel={t('deployments.addLanguage')}
        emptyRow={{ language: '', minSpeaking: '2' }}
        renderRow={(index) => (
          <>
            <SelectField name={`requiredLanguages.${index}.language`} label={t('deployments.fields.language')} isRequired placeholder={t('common.select')} options={languages} />
            <SelectField name={`requiredLanguages.${index}.minSpeaking`} label={t('deployments.fields.minSpeaking')} isRequired options={levels} />
          </>
        )}
      />
      <TextField name="specialties" hint={t('deployments.hints.specialties')} />
      <CheckboxField name="isHighThreat" hint={t('deployments.hints.isHighThreat')} />
      <TextAreaField name="summary" />
    </Form>
  );
}
