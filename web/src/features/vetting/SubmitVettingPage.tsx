import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { submitVettingSchema } from '../../api/schemas';
import { todayIso } from '../../components/format';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { PageHeader } from '../../components/PageHeader';
import { PersonPickerField } from '../people/PersonPickerField';
import { useSubmitVetting } from './api';

interface SubmitValues {
  personId: string;
  caseReference: string;
  submittedOn: string;
  notes: string;
}

function toRequest(values: SubmitValues) {
  return {
    personId: (values.personId || undefined) as string,
    caseReference: values.caseReference,
    submittedOn: (values.submittedOn || undefined) as string,
    notes: blankToNull(values.notes),
  };
}

/** Records that a person's vetting was sent off; the case waits in the queue for its result. */
export function SubmitVettingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmitVetting();
  const form = useForm({
    defaultValues: { personId: '', caseReference: '', submittedOn: todayIso(), notes: '' },
    resolver: apiResolver({ schema: submitVettingSchema, toRequest }),
    shouldFocusError: false,
  });
  return (
    <>
      <PageHeader title={t('vetting.submitTitle')} lead={t('vetting.submitLead')} />
      <Form
        form={form}
        idPrefix="vetting"
        labels={{
          personId: t('vetting.fields.person'),
          caseReference: t('vetting.fields.caseReference'),
          submittedOn: t('vetting.fields.submittedOn'),
          notes: t('vetting.fields.notes'),
        }}
        submitLabel={t('vetting.submit')}
        cancel="/vetting"
        onSubmit={async (body) => {
          const record = await submit.mutateAsync(body);
          await navigate('/vetting', { state: { notice: t('vetting.submitted', { name: record.person.name, reference: record.caseReference }) } });
        }}
      >
        <PersonPickerField name="personId" isRequired hint={t('vetting.hints.person')} />
        <TextField name="caseReference" isRequired inputClassName="usa-input--medium" hint={t('vetting.hints.caseReference')} />
        <DateField name="submittedOn" isRequired />
        <TextAreaField name="notes" className="short-textarea" />
      </Form>
    </>
  );
}
