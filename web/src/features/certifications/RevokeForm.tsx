import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Certification, revokeSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { useRevokeCertification } from './api';

/** Revoking is for good and is audited, so it asks for the reason, which the record keeps. */
export function RevokeForm({ certification, onDone }: { certification: Certification; onDone: (isRevoked: boolean) => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeCertification(certification);
  const form = useForm({
    defaultValues: { reason: '' },
    resolver: apiResolver({ schema: revokeSchema, toRequest: (values: { reason: string }) => ({ reason: values.reason.trim() }) }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix="revoke"
      labels={{ reason: t('certifications.fields.revokedReason') }}
      submitLabel={t('certifications.revoke')}
      cancel={() => onDone(false)}
      onSubmit={async (body) => {
        await revoke.mutateAsync(body);
        onDone(true);
      }}
    >
      <TextAreaField name="reason" isRequired hint={t('certifications.hints.revokedReason')} className="short-textarea" />
    </Form>
  );
}
