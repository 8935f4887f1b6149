import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { followUpSchema, type OfferingDetail } from '../../api/schemas';
import { todayIso } from '../../components/format';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull, toNumber } from '../../components/form/values';
import { useRecordFollowUp } from './api';

interface FollowUpValues {
  personId: string;
  recordedOn: string;
  hasTaught: boolean;
  offeringsTaught: string;
  peopleTrained: string;
  agencyReport: string;
}

function toRequest(values: FollowUpValues) {
  return {
    personId: (values.personId || undefined) as string,
    recordedOn: (values.recordedOn || undefined) as string,
    hasTaught: values.hasTaught,
    offeringsTaught: toNumber(values.offeringsTaught) ?? 0,
    peopleTrained: toNumber(values.peopleTrained) ?? 0,
    agencyReport: blankToNull(values.agencyReport),
  };
}

/** Whether someone trained here went on to teach, and how much: the evidence the training took root. */
export function FollowUpForm({ offering, onRecorded }: { offering: OfferingDetail; onRecorded: (name: string) => void }) {
  const { t } = useTranslation();
  const record = useRecordFollowUp(offering.id);
  const completed = offering.enrollments.filter((enrollment) => enrollment.status === 'completed');
  const form = useForm({
    defaultValues: { personId: '', recordedOn: todayIso(), hasTaught: false, offeringsTaught: '0', peopleTrained: '0', agencyReport: '' },
    resolver: apiResolver({ schema: followUpSchema, toRequest }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix="follow-up"
      labels={{
        personId: t('followUps.fields.person'),
        recordedOn: t('followUps.fields.recordedOn'),
        hasTaught: t('followUps.fields.hasTaught'),
        offeringsTaught: t('followUps.fields.offeringsTaught'),
        peopleTrained: t('followUps.fields.peopleTrained'),
        agencyReport: t('followUps.fields.agencyReport'),
      }}
      submitLabel={t('followUps.save')}
      problemHeading={t('followUps.refused')}
      onSubmit={async (body) => {
        await record.mutateAsync(body);
        onRecorded(completed.find((enrollment) => enrollment.person.id === body.personId)?.person.name ?? '');
      }}
    >
      <SelectField
        name="personId"
        isRequired
        placeholder={t('common.select')}
        options={completed.map((enrollment) => ({ value: enrollment.person.id, label: enrollment.person.name }))}
        hint={t('followUps.hints.person')}
      />
      <DateField name="recordedOn" isRequired />
      <CheckboxField name="hasTaught" hint={t('followUps.hints.hasTaught')} />
      <div className="inline-fields">
        <TextField name="offeringsTaught" inputMode="numeric" inputClassName="usa-input--small" />
        <TextField name="peopleTrained" inputMode="numeric" inputClassName="usa-input--small" />
      </div>
      <TextAreaField name="agencyReport" hint={t('followUps.hints.agencyReport')} />
    </Form>
  );
}
