import { useTranslation } from 'react-i18next';
import type { Verification, VerificationCheck } from '../../api/schemas';
import { DetailList } from '../../components/DetailList';
import { formatDate } from '../../components/format';
import { VerdictBanner } from './VerdictBanner';

/** Material icons, as USWDS draws them: a tick and a cross in a circle. */
const ICON_PATHS = {
  passed: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-2 15-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z',
  failed:
    'M12 2C6.47 2 2 6.47 2 12s4.47 10 10 10 10-4.47 10-10S17.53 2 12 2zm5 13.59L15.59 17 12 13.41 8.41 17 7 15.59 10.59 12 7 8.41 8.41 7 12 10.59 15.59 7 17 8.41 13.41 12 17 15.59z',
};

/** One check: its icon is for the eye only, the words "Passed" or "Failed" say the same. */
function CheckItem({ check }: { check: VerificationCheck }) {
  const { t } = useTranslation();
  const outcome = check.isPassed ? 'passed' : 'failed';
  return (
    <li className="usa-icon-list__item">
      <div className={`usa-icon-list__icon ${check.isPassed ? 'text-success-darker' : 'text-error-dark'}`}>
        <svg className="usa-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24">
          <path fill="currentColor" d={ICON_PATHS[outcome]} />
        </svg>
      </div>
      <div className="usa-icon-list__content">
        <span className="display-block text-bold">{t('verify.check.label', { check: t(`verify.check.names.${check.check}`), outcome: t(`verify.check.${outcome}`) })}</span>
        <span className="display-block overflow-anywhere">{check.message}</span>
      </div>
    </li>
  );
}

/** `2026-03-01T00:00:00Z` → its calendar day, as the certificate itself states it. */
function dayOf(instant: string | null): string | null {
  return instant && /^\d{4}-\d{2}-\d{2}/.test(instant) ? formatDate(instant.slice(0, 10)) : instant;
}

/** The verdict in words, for the page's live region: it is what a screen reader announces. */
export function VerificationVerdict({ result, source }: { result: Verification; source: string }) {
  const { t } = useTranslation();
  return (
    <VerdictBanner verdict={result.verdict} headingLevel="h3">
      <span className="display-block margin-top-1 overflow-anywhere">{t('verify.file.checked', { source, format: t(`verify.formats.${result.format}`) })}</span>
    </VerdictBanner>
  );
}

/** One line per check with the API's reason, and what the file says of itself. */
export function VerificationDetails({ result }: { result: Verification }) {
  const { t } = useTranslation();
  const { summary } = result;
  // A valid signature vouches for what the file says, even when it has expired or was revoked.
  const isGenuine = result.verdict.code !== 'not_genuine';
  return (
    <>
      <h3>{t('verify.check.heading')}</h3>
      <ul className="usa-icon-list verification-checks" aria-label={t('verify.check.heading')}>
        {result.checks.map((check) => (
          <CheckItem key={check.check} check={check} />
        ))}
      </ul>
      {summary && (
        <>
          <h3>{t(isGenuine ? 'verify.file.summaryVerified' : 'verify.file.summaryClaimed')}</h3>
          {!isGenuine && <p className="margin-top-0">{t('verify.file.summaryClaimedHint')}</p>}
          <DetailList
            items={[
              { label: t('verify.fields.credential'), value: summary.name },
              { label: t('verify.fields.holder'), value: summary.holder },
              { label: t('verify.fields.issuer'), value: summary.issuer },
              { label: t('verify.fields.validFrom'), value: dayOf(summary.validFrom) },
              { label: t('verify.fields.validUntil'), value: summary.validUntil ? dayOf(summary.validUntil) : t('certifications.neverExpires') },
            ]}
          />
        </>
      )}
    </>
  );
}
