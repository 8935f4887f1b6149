import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AccountSecurity, confirmTotpSchema, type TotpEnrolment } from '../../api/schemas';
import { formatInstant } from '../../components/format';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useConfirmTotp, useRemoveTotp, useStartTotp } from './api';
import { ConfirmButton } from './ConfirmButton';

/** The key in groups of four, as people type it into an app. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function ConfirmTotp({ enrolment, onEnrolled }: { enrolment: TotpEnrolment; onEnrolled: (codes: string[] | null) => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTotp();
  const form = useForm<{ code: string }, unknown, { code: string }>({
    defaultValues: { code: '' },
    resolver: apiResolver({ schema: confirmTotpSchema, toRequest: (values: { code: string }) => values }),
    shouldFocusError: false,
  });
  return (
    <div className="grid-row grid-gap-4">
      <div className="grid-col-auto">
        <img src={enrolment.qrCode} alt={t('security.qrCodeAlt')} width={200} height={200} className="border border-base-lighter" />
      </div>
      <div className="grid-col-fill">
        <ol className="usa-list">
          <li>{t('security.totpStepScan')}</li>
          <li>
            {t('security.totpStepManual')} <code className="one-time-secret" data-testid="totp-secret">{grouped(enrolment.secret)}</code>
          </li>
          <li>{t('security.totpStepCode')}</li>
        </ol>
        <Form
          form={form}
          idPrefix="totp"
          labels={{ code: t('security.totpCode') }}
          submitLabel={t('security.totpConfirm')}
          hasRequiredNote={false}
          onSubmit={async (body) => onEnrolled((await confirm.mutateAsync(body)).recoveryCodes)}
        >
          <TextField name="code" autoComplete="one-time-code" inputMode="numeric" inputClassName="usa-input--small" isRequired />
        </Form>
      </div>
    </div>
  );
}

/** The authenticator app: set one up (QR code and key, confirmed with a code), or remove it. */
export function TotpSection({ security, onEnrolled }: { security: AccountSecurity; onEnrolled: (codes: string[] | null) => void }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const remove = useRemoveTotp();
  return (
    <section aria-labelledby="totp-heading" className="margin-bottom-5">
      <h2 id="totp-heading">{t('security.totpHeading')}</h2>
      <p>{t('security.totpLead')}</p>
      {security.totp.isEnrolled ? (
        <>
          <p>{t('security.totpEnrolledOn', { date: formatInstant(security.totp.enrolledAt ?? '') })}</p>
          <ConfirmButton
            label={t('security.totpRemove')}
            question={t('security.totpRemoveQuestion')}
            confirmLabel={t('security.confirmRemove')}
            onConfirm={() => remove.mutateAsync()}
          />
        </>
      ) : start.data ? (
        <ConfirmTotp
          enrolment={start.data}
          onEnrolled={(codes) => {
            start.reset();
            onEnrolled(codes);
          }}
        />
      ) : (
        <button type="button" className="usa-button" disabled={start.isPending} onClick={() => start.mutate()}>
          {t('security.totpStart')}
        </button>
      )}
      {start.isError && <ProblemAlert error={start.error} headingLevel="h3" />}
    </section>
  );
}
