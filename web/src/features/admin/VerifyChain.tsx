import { Alert } from '../../components/Alert';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useVerifyChain } from './api';

/** Recomputes the audit log's hash chain and says whether any event was removed or altered. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  const report = verify.data;
  return (
    <div className="margin-bottom-3">
      <button type="button" className="usa-button usa-button--outline" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div aria-live="polite" className="margin-top-2">
        {report?.isIntact && (
          <Alert type="success" headingLevel="h2" heading={t('audit.intactHeading')}>
            {t('audit.intact', { count: report.events, formatted: formatCount(report.events), last: report.lastSeq })}
          </Alert>
        )}
        {report && !report.isIntact && (
          <Alert type="error" headingLevel="h2" heading={t('audit.brokenHeading')}>
            <ul className="usa-list">
              {report.problems.map((problem) => (
                <li key={`${problem.seq}-${problem.problem}`}>{t('audit.brokenEvent', { seq: problem.seq, problem: problem.problem })}</li>
              ))}
            </ul>
          </Alert>
        )}
        {verify.isError && <ProblemAlert error={verify.error} />}
      </div>
    </div>
  );
}
