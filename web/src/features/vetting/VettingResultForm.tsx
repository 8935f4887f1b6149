import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { recordVettingResultSchema, type VettingRecord } from '../../api/schemas';
import { todayIso } from '../../components/format';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { SelectField, TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useRecordVettingResult } from './api';

type Result = 'cleared' | 'denied' | 'suspended';
const RESULTS: Result[] = ['cleared', 'denied', 'suspended'];

interface ResultValues {
  status: string;
  resultOn: string;
  validUntil: string;
  notes: string;
}

function toRequest(values: ResultValues) {
  return {
    status: (values.status || undefined) as Result,
    resultOn: (values.resultOn || undefined) as string,
    validUntil: blankToNull(values.validUntil),
    notes: blankToNull(values.notes),
  };
}

/** The outcome of a vetting case; a clearance says until when it may be relied on. */
export function VettingResultForm({ record, onDone }: { record: VettingRecord; onDone: (saved: VettingRecord | null) => void }) {
  const { t } = useTranslation();
  const save = useRecordVettingResult(record);
  const form = useForm({
    defaultValues: { status: '', resultOn: todayIso(), validUntil: '', notes: '' },
    resolver: apiResolver({ schema: recordVettingResultSchema, toRequest }),
    shouldFocusError: false,
  });
  const status = useWatch({ control: form.control, name: 'status' });
  return (
    <Form
      form={form}
      idPrefix="vetting-result"
      labels={{
        status: t('vetting.fields.result'),
        resultOn: t('vetting.fields.resultOn'),
        validUntil: t('vetting.fields.validUntil'),
        notes: t('vetting.fields.notes'),
      }}
      submitLabel={t('vetting.saveResult')}
      cancel={() => onDone(null)}
      onSubmit={async (body) => onDone(await save.mutateAsync(body))}
    >
      <SelectField name="status" isRequired placeholder={t('common.select')} options={RESULTS.map((value) => ({ value, label: t(`vettingStatuses.${value}`) }))} />
      <div className="inline-fields">
        <DateField name="resultOn" isRequired />
        <DateField name="validUntil" isRequired={status === 'cleared'} hint={t('vetting.hints.validUntil')} />
      </div>
      <TextAreaField name="notes" className="short-textarea" />
    </Form>
  );
}
