import { type Resolver, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateDeploymentInput, createDeploymentSchema, type DeploymentDetail, type IlrLevel, PURPOSES, type Track, TRACKS, updateDeploymentSchema } from '../../api/schemas';
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

/** A deployment as the form shows it, for an edit's defaults and for what changed when a save is stale. */
export function toValues(deployment: DeploymentDetail | undefined): DeploymentValues {
  if (!deployment) return EMPTY;
  return {
    title: deployment.title,
    hostCountry: deployment.hostCountry,
    hostOrganizationId: deployment.hostOrganization?.id ?? '',
    track: deployment.track,
    purposes: deployment.purposes,
    startOn: deployment.startOn,
    endOn: deployment.endOn,
    authorizedHeadcount: deployment.rotations.length === 1 ? String(deployment.rotations[0]?.authorizedHeadcount ?? '') : '',
    requiredLanguages: deployment.requiredLanguages.map((need) => ({ language: need.language, minSpeaking: need.minSpeaking })),
    specialties: deployment.specialties.join(', '),
    isHighThreat: deployment.isHighThreat,
    summary: deployment.summary ?? '',
  };
}

/** What an edit may change of the dates and places: none once the deployment is over, places only for one rotation. */
export function editableSpan(deployment: DeploymentDetail | undefined): { hasDates: boolean; hasPlaces: boolean } {
  if (!deployment) return { hasDates: true, hasPlaces: true };
  const isOver = deployment.status === 'completed' || deployment.status === 'cancelled';
  return { hasDates: !isOver, hasPlaces: !isOver && deployment.rotations.length === 1 };
}

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
  /** The deployment to correct; left out, a new one is planned. */
  deployment?: DeploymentDetail;
  onSubmit: (body: CreateDeploymentInput) => Promise<unknown>;
  submitLabel?: string;
  cancelTo: string;
}

/** Planning a deployment, or correcting one: where, with whom, what for, when, how many, and who would fit. */
export function DeploymentForm({ deployment, onSubmit, submitLabel, cancelTo }: DeploymentFormProps) {
  const { t } = useTranslation();
  const countries = useCountryChoices();
  const languages = useLanguageChoices();
  const levels = useIlrChoices();
  const organizations = useOrganizationOptions();
  const span = editableSpan(deployment);
  const form = useForm({
    defaultValues: toValues(deployment),
    resolver: deployment
      ? // A correction checks by the API's rules for a change (the same dates in order, in the same words);
        // its body is a part of a plan's, which the page sends as it is.
        (apiResolver({
          schema: updateDeploymentSchema,
          toRequest: (values: DeploymentValues) => {
            const { startOn, endOn, authorizedHeadcount, ...rest } = toRequest(values);
            return { ...rest, ...(span.hasDates && { startOn, endOn }), ...(span.hasPlaces && { authorizedHeadcount }) };
          },
        }) as unknown as Resolver<DeploymentValues, unknown, CreateDeploymentInput>)
      : apiResolver({
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
      latest={deployment ? { version: deployment.version, values: toValues(deployment) } : undefined}
      describeValue={(field, value) => (field === 'hostOrganizationId' && value === deployment?.hostOrganization?.id ? (deployment?.hostOrganization?.name ?? null) : null)}
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
      submitLabel={submitLabel ?? t('deployments.create')}
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
      {span.hasDates && (
        <div className="inline-fields">
          <DateField name="startOn" isRequired />
          <DateField name="endOn" isRequired={Boolean(deployment)} hint={deployment ? t('deployments.hints.endOnEdit') : t('deployments.hints.endOn')} />
          {span.hasPlaces && (
            <TextField name="authorizedHeadcount" isRequired inputMode="numeric" inputClassName="usa-input--small" hint={t('deployments.hints.authorizedHeadcount')} />
          )}
        </div>
      )}
      {deployment && span.hasDates && <p className="usa-hint margin-top-1">{span.hasPlaces ? t('deployments.hints.datesEdit') : t('deployments.hints.datesEditRotations')}</p>}
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
