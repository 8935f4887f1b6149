import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRevealPassport } from './api';

/**
 * The masked passport number, and for program office staff a button that shows it whole.
 * Each reveal is written to the audit log, and the page says so before anyone presses it.
 */
export function PassportReveal({ personId, masked, canReveal }: { personId: string; masked: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const reveal = useRevealPassport(personId);
  return (
    <div className="passport-number">
      <span>
        {t('readiness.passportNumberIs')}{' '}
        <code className="passport-number__value" aria-live="polite">
          {reveal.data ? (
            reveal.data.passportNumber
          ) : (
            // Screen readers would spell out the dots; they hear "ending in 123" instead.
            <>
              <span aria-hidden="true">{masked}</span>
              <span className="usa-sr-only">{t('readiness.maskedLabel', { ending: masked.replace(/•/g, '') })}</span>
            </>
          )}
        </code>
      </span>
      {canReveal && !reveal.data && (
        <>
          <button type="button" className="usa-button usa-button--unstyled" disabled={reveal.isPending} onClick={() => reveal.mutate()}>
            {t('readiness.reveal')}
          </button>
          <span className="usa-hint display-block">{t('readiness.revealAudited')}</span>
        </>
      )}
      {reveal.data && <span className="usa-hint display-block">{t('readiness.revealed')}</span>}
      {reveal.isError && <ProblemAlert error={reveal.error} headingLevel="h3" />}
    </div>
  );
}
