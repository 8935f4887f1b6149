import { Alert } from './Alert';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';

interface ProblemAlertProps {
  error: unknown;
  /** Instead of the problem's own title, where the page knows better ("Sign-in failed"). */
  heading?: string;
  /** Changes each time the alert should take focus (a failed submit). */
  focusKey?: number;
  headingLevel?: 'h2' | 'h3' | 'h4';
}

const KNOWN_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'password_change_required',
  'second_factor_enrolment_required',
  'not_found',
  'conflict',
  'precondition_failed',
  'precondition_required',
  'rule_broken',
  'rate_limited',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnownCode = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

/** Shows what the API (or the network) said went wrong, in words a user can act on. */
export function ProblemAlert({ error, heading: headingOverride, focusKey = 0, headingLevel = 'h2' }: ProblemAlertProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (!error) return null;

  const problem = error instanceof ApiProblem ? error : null;
  const problemTitle = (code: string | undefined) => (code && isKnownCode(code) ? t(`problem.titles.${code}`) : t('problem.title'));
  const heading = headingOverride ?? (problem?.status === 0 ? t('problem.unreachableTitle') : problemTitle(problem?.code));
  const detail = problem?.status === 0 ? t('problem.unreachable') : problem?.detail || t('problem.unexpected');
  return (
    <div ref={ref} tabIndex={-1} className="problem-alert margin-bottom-3">
      <Alert type="error" headingLevel={headingLevel} heading={heading} role="alert">
        <span className="display-block">{detail}</span>
        {problem?.status === 412 && <span className="display-block margin-top-1">{t('problem.stale')}</span>}
        {problem?.requestId && problem.status >= 500 && (
          <span className="display-block margin-top-1 font-body-2xs">{t('problem.requestId', { id: problem.requestId })}</span>
        )}
      </Alert>
    </div>
  );
}
