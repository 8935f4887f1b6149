import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { SignInCard } from './SignInCard';

const REASONS = ['unknown_account', 'unverified_email', 'unavailable', 'failed'] as const;
type Reason = (typeof REASONS)[number];

/** Where the identity provider's sign-in ends when it does not lead to a Cadre account, saying why. */
export function SignInRefusedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const given = params.get('reason');
  const reason: Reason = REASONS.find((known) => known === given) ?? 'failed';
  return (
    <SignInCard>
      <PageHeader title={t('auth.refusedTitle')} />
      <Alert type="error" headingLevel="h2" heading={t(`auth.refused.${reason}.heading`)}>
        {t(`auth.refused.${reason}.text`)}
      </Alert>
      <p className="margin-top-3">
        <Link to="/sign-in" className="usa-button">
          {t('auth.backToSignIn')}
        </Link>
      </p>
    </SignInCard>
  );
}
