import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/session';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAccountSecurity, useRegenerateRecoveryCodes } from './api';
import { ConfirmButton } from './ConfirmButton';
import { PasskeysSection } from './PasskeysSection';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpSection } from './TotpSection';

/** Second factors: an authenticator app, passkeys and the recovery codes that stand in for them. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const security = useAccountSecurity();
  const regenerate = useRegenerateRecoveryCodes();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  // Held here until they enrol, and then free to go on: the link appears with the codes.
  const [wasHeld] = useState(() => Boolean(me.data?.mustEnrolSecondFactor));
  const onEnrolled = (codes: string[] | null) => setRecoveryCodes(codes);

  return (
    <>
      <PageHeader title={t('security.title')} lead={t('security.lead')} />
      {me.data?.mustEnrolSecondFactor && (
        <Alert type="warning" headingLevel="h2" heading={t('security.requiredHeading')} className="margin-bottom-3">
          {t('security.requiredText')}
        </Alert>
      )}
      {recoveryCodes && <RecoveryCodes codes={recoveryCodes} />}
      {wasHeld && !me.data?.mustEnrolSecondFactor && (
        <p>
          <Link to="/" className="usa-button">
            {t('security.continue')}
          </Link>
        </p>
      )}
      {security.isPending && <Loading />}
      {security.isError && <ProblemAlert error={security.error} />}
      {security.data && (
        <>
          <TotpSection security={security.data} onEnrolled={onEnrolled} />
          <PasskeysSection security={security.data} onEnrolled={onEnrolled} />
          <section aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">{t('security.recoveryHeading')}</h2>
            <p>{t('security.recoveryLead', { count: security.data.recoveryCodesLeft })}</p>
            {security.data.totp.isEnrolled || security.data.passkeys.length > 0 ? (
              <ConfirmButton
                label={t('security.recoveryRegenerate')}
                question={t('security.recoveryRegenerateQuestion')}
                confirmLabel={t('security.recoveryRegenerateConfirm')}
                onConfirm={async () => setRecoveryCodes((await regenerate.mutateAsync()).recoveryCodes)}
              />
            ) : (
              <p className="text-base">{t('security.recoveryNeedsFactor')}</p>
            )}
          </section>
        </>
      )}
    </>
  );
}
