import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Endorsement, withdrawSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { useWithdrawEndorsement } from './api';

/** Withdrawing says why: the reason is what verifiers read on every credential it flags. */
export function WithdrawForm({ endorsement, onDone }: { endorsement: Endorsement; onDone: (withdrawn: Endorsement | null) => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawEndorsement(endorsement);
  const form = useForm({
    defaultValues: { reason: '' },
    resolver: apiResolver({ schema: withdrawSchema, toRequest: (values: { reason: string }) => ({ reason: values.reason.trim() }) }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix="withdraw"
      labels={{ reason: t('endorsements.fields.withdrawnReason') }}
      submitLabel={t('endorsements.withdraw')}
      cancel={() => onDone(null)}
      onSubmit={async (body) => onDone(await withdraw.mutateAsync(body))}
    >
      <TextAreaField name="reason" isRequired hint={t('endorsements.hints.withdrawnReason')} className="short-textarea" />
    </Form>
  );
}
