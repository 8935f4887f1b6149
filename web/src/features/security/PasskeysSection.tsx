import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AccountSecurity, passkeyNameSchema, type PasskeyView } from '../../api/schemas';
import { type Column, DataTable } from '../../components/DataTable';
import { formatInstant } from '../../components/format';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { useAddPasskey, useRemovePasskey } from './api';
import { ConfirmButton } from './ConfirmButton';

/** Passkeys and security keys, by the names their owner gave them: add one, remove one. */
export function PasskeysSection({ security, onEnrolled }: { security: AccountSecurity; onEnrolled: (codes: string[] | null) => void }) {
  const { t } = useTranslation();
  const add = useAddPasskey();
  const remove = useRemovePasskey();
  const form = useForm<{ name: string }, unknown, { name: string }>({
    defaultValues: { name: '' },
    resolver: apiResolver({ schema: passkeyNameSchema, toRequest: (values: { name: string }) => values }),
    shouldFocusError: false,
  });
  const columns: Column<PasskeyView>[] = [
    { key: 'name', header: t('security.passkeyName'), cell: (passkey) => passkey.name },
    { key: 'added', header: t('security.passkeyAdded'), cell: (passkey) => formatInstant(passkey.createdAt) },
    { key: 'used', header: t('security.passkeyLastUsed'), cell: (passkey) => (passkey.lastUsedAt ? formatInstant(passkey.lastUsedAt) : t('security.notUsed')) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (passkey) => (
        <ConfirmButton
          label={t('common.remove')}
          ariaLabel={t('security.passkeyRemoveLabel', { name: passkey.name })}
          question={t('security.passkeyRemoveQuestion', { name: passkey.name })}
          confirmLabel={t('security.confirmRemove')}
          onConfirm={() => remove.mutateAsync(passkey.id)}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby="passkeys-heading" className="margin-bottom-5">
      <h2 id="passkeys-heading">{t('security.passkeysHeading')}</h2>
      <p>{t('security.passkeysLead')}</p>
      <DataTable caption={t('security.passkeysHeading')} isCaptionHidden columns={columns} rows={security.passkeys} rowKey={(passkey) => passkey.id} empty={t('security.noPasskeys')} />
      <h3>{t('security.passkeyAddHeading')}</h3>
      <Form
        form={form}
        idPrefix="passkey"
        labels={{ name: t('security.passkeyName') }}
        submitLabel={t('security.passkeyAdd')}
        hasRequiredNote={false}
        problemHeading={t('security.passkeyFailed')}
        onSubmit={async (body) => {
          const enrolled = await add.mutateAsync(body);
          form.reset();
          onEnrolled(enrolled.recoveryCodes);
        }}
      >
        <TextField name="name" hint={t('security.passkeyNameHint')} isRequired />
      </Form>
    </section>
  );
}
