import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateEngagementInput, createEngagementSchema, type Engagement, ENGAGEMENT_KINDS } from '../../api/schemas';
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
  participants: { name: string; title: string }[];
  followUps: { title: string; dueOn: string }[];
}

function toRequest(values: EngagementValues) {
  return {
    organizationId: values.organizationId,
    kind: (values.kind || undefined) as Engagement['kind'],
    occurredOn: values.occurredOn,
    title: values.title,
    location: blankToNull(values.location),
    summary: blankToNull(values.summary),
    outcome: blankToNull(values.outcome),
    participants: values.participants.map((participant) => ({ name: participant.name, title: blankToNull(participant.title) })),
    followUps: values.followUps.map((task) => ({ title: task.title, dueOn: task.dueOn })),
  };
}

interface EngagementFormProps {
  organizationId?: string;
  onSubmit: (body: CreateEngagementInput) => Promise<unknown>;
  cancelTo: string;
}

export function EngagementForm({ organizationId, onSubmit, cancelTo }: EngagementFormProps) {
  const { t } = useTranslation();
  const organizations = useOrganizationOptions();
  const form = useForm({
    defaultValues: {
      organizationId: organizationId ?? '',
      kind: 'meeting',
      occurredOn: todayIso(),
      title: '',
      location: '',
      summary: '',
      outcome: '',
      participants: [],
      followUps: [],
    } as EngagementValues,
    resolver: apiResolver({ schema: createEngagementSchema, toRequest }),
    shouldFocusError: false,
  });
  const organizationChoices = (organizations.data ?? []).map((organization) => ({ value: organization.id, label: organization.name }));

  return (
    <Form
      form={form}
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
      submitLabel={t('engagements.create')}
      cancel={cancelTo}
    >
      <SelectField
        key={organizationChoices.length}
        name="organizationId"
        isRequired
        placeholder={organizations.isPending ? t('common.loading') : t('common.select')}
        options={organizationChoices}
      />
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
        emptyRow={{ name: '', title: '' }}
        renderRow={(index) => (
          <>
            <TextField name={`participants.${index}.name`} label={t('engagements.fields.name')} isRequired />
            <TextField name={`participants.${index}.title`} label={t('engagements.fields.titleOrRank')} />
          </>
        )}
      />
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
    </Form>
  );
}
