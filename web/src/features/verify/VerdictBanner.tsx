import { useTranslation } from 'react-i18next';
import type { CertificateSummary } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';

type Verdict = 'valid' | 'review' | 'expired' | 'revoked';

/**
 * What a reader must know first. A revoked or expired certificate is not in force whatever else
 * is true; a review under way matters only while it still is, and is mentioned in any case.
 */
function verdictOf(certificate: CertificateSummary): Verdict {
  if (certificate.status === 'revoked') return 'revoked';
  if (certificate.status === 'expired') return 'expired';
  return certificate.underReview ? 'review' : 'valid';
}

const ALERT_TYPE = { valid: 'success', review: 'warning', expired: 'warning', revoked: 'error' } as const;

/** The verdict as a USWDS alert: its heading says it in words, so it never rests on colour. */
export function VerdictBanner({ certificate }: { certificate: CertificateSummary }) {
  const { t } = useTranslation();
  const verdict = verdictOf(certificate);
  const values = {
    holder: certificate.holder.name,
    credential: certificate.credential.name,
    issuer: certificate.issuer.name,
    date: formatDate(certificate.expiresOn),
  };
  const summary =
    verdict === 'valid' && !certificate.expiresOn ? t('verify.verdict.validForever', values) : t(`verify.verdict.${verdict}Text`, values);
  return (
    <Alert type={ALERT_TYPE[verdict]} heading={t(`verify.verdict.${verdict}`)} className="verdict margin-bottom-4">
      <span className="display-block">{summary}</span>
      {verdict === 'revoked' && certificate.revokedOn && (
        <span className="display-block margin-top-1">{t('verify.verdict.revokedOn', { date: formatDate(certificate.revokedOn) })}</span>
      )}
      {certificate.underReview && (
        <span className="display-block margin-top-1">{t('verify.verdict.reviewReason', { reason: certificate.underReview })}</span>
      )}
    </Alert>
  );
}
