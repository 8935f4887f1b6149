import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createEngagementSchema, type Engagement, ENGAGEMENT_KINDS, type EngagementDetail, updateEngagementSchema } from '../../api/schemas';
import { todayIso } from '../../components/format';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { RowsField } from '../../components/form/RowsField';
import { blankToNull } from '../../components/form/values';
import { useOrganizationOptions } from '../organizations/api';

export interface EngagementValues {
  organizationId: string;
  kind: string;
  occurredOn: string;
  title: string;
  location: string;
  summary: string;
  outcome: string;
  /** A participant's organization is kept as recorded; the form does not ask for it. */
  participants: { name: string; title: string; organizationId: string }[];
  followUps: { title: string; dueOn: string }[];
}

/** The form's values of a meeting on record, or of a new one (today, with the organization given). */
function toValues(engagement: EngagementDetail | undefined, organizationId?: string): EngagementValues {
  return {
    organizationId: engagement?.organization.id ?? organizationId ?? '',
    kind: engagement?.kind ?? 'meeting',
    occurredOn: engagement?.occurredOn ?? todayIso(),
    title: engagement?.title ?? '',
    location: engagement?.location ?? '',
    summary: engagement?.summary ?? '',
    outcome: engagement?.outcome ?? '',
    participants: (engagement?.participants ?? []).map((p) => ({ name: p.name, title: p.title ?? '', organizationId: p.organizationId ?? '' })),
    followUps: [],
  };
}

function fieldsOf(values: EngagementValues) {
  return {
    kind: (values.kind || undefined) as Engagement['kind'],
    occurredOn: values.occurredOn,
    title: values.title,
    location: blankToNull(values.location),
    summary: blankToNull(values.summary),
    outcome: blankToNull(values.outcome),
    participants: values.participants.map((p) => ({ name: p.name, title: blankToNull(p.title), organizationId: blankToNull(p.organizationId) })),
  };
}

function toCreateRequest(values: EngagementValues) {
  return { ...fieldsOf(values), organizationId: values.organizationId, followUps: values.followUps.map((task) => ({ title: task.title, dueOn: task.dueOn })) };
}

interface EngagementFormProps {
  /** The meeting being corrected; left out, the form logs a new one (with its follow-ups). */
  engagement?: EngagementDetail;
  organizationId?: string;
  onSubmit: (body: unknown) => Promise<unknown>;
  cancelTo: string;
}

export function EngagementForm({ engagement, organizationId, onSubmit, cancelTo }: EngagementFormProps) {
  const { t } = useTranslation();
  const organizations = useOrganizationOptions();
  const isNew = engagement === undefined;
  const form = useForm({
    defaultValues: toValues(engagement, organizationId),
    resolver: isNew ? apiResolver({ schema: createEngagementSchema, toRequest: toCreateRequest }) : apiResolver({ schema: updateEngagementSchema, toRequest: fieldsOf }),
    shouldFocusError: false,
  });
  const organizationChoices = (organizations.data ?? []).map((organization) => ({ value: organization.id, label: organization.name }));

  return (
    <Form
      form={form}
      latest={engagement && { version: engagement.version, values: toValues(engagement) }}
      describeValue={(field, value) => (field === 'kind' && typeof value === 'string' && value ? t(`engagementKinds.${value as Engagement['kind']}`) : null)}
      idPrefix="engagement"
      labels={{
        organizationId: t('engagements.fields.organization'),
        kind: t('engagements.fields.kind'),
        occurredOn: t('engagements.fields.occurredOn'),
        title: t('engagements.fields.title'),
        location: t('engagements.fields.location'),
        summary: t('engagements.fields.summary'),
        outcome: t('engagements.fields.outcome'),
        'participants.name': t('engagements.fields.participantName'),
        'participants.title': t('engagements.fields.participantTitle'),
        'followUps.title': t('engagements.fields.followUpTitle'),
        'followUps.dueOn': t('engagements.fields.followUpDueOn'),
      }}
      onSubmit={onSubmit}
      submitLabel={isNew ? t('engagements.create') : t('common.saveChanges')}
      cancel={cancelTo}
    >
      {isNew && (
        <SelectField
          key={organizationChoices.length}
          name="organizationId"
          isRequired
          placeholder={organizations.isPending ? t('common.loading') : t('common.select')}
          options={organizationChoices}
        />
      )}
      <SelectField name="kind" isRequired options={ENGAGEMENT_KINDS.map((kind) => ({ value: kind, label: t(`engagementKinds.${kind}`) }))} />
      <DateField name="occurredOn" isRequired />
      <TextField name="title" isRequired hint={t('engagements.hints.title')} />
      <TextField name="location" />
      <TextAreaField name="summary" />
      <TextAreaField name="outcome" />
      <RowsField<EngagementValues, 'participants'>
        name="participants"
        legend={t('engagements.participantsHeading')}
        rowLabel={(index) => t('engagements.participantRow', { number: index + 1 })}
        addLabel={t('engagements.addParticipant')}
        emptyRow={{ name: '', title: '', organizationId: '' }}
        renderRow={(index) => (
          <>
            <TextField name={`participants.${index}.name`} label={t('engagements.fields.name')} isRequired />
            <TextField name={`participants.${index}.title`} label={t('engagements.fields.titleOrRank')} />
          </>
        )}
      />
      {isNew && (
      <RowsField<EngagementValues, 'followUps'>
        name="followUps"
        legend={t('engagements.followUpsHeading')}
        hint={t('engagements.hints.followUps')}
        rowLabel={(index) => t('engagements.followUpRow', { number: index + 1 })}
        addLabel={t('engagements.addFollowUp')}
        emptyRow={{ title: '', dueOn: '' }}
        renderRow={(index) => (
          <>
            <TextField name={`followUps.${index}.title`} label={t('engagements.fields.task')} isRequired />
            <DateField name={`followUps.${index}.dueOn`} label={t('engagements.fields.dueOn')} isRequired />
          </>
        )}
      />
      )}
    </Form>
  );
}
