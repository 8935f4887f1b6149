import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/schemas';

type Badge = NonNullable<Person['readiness']>;

/** Colours from USWDS tokens with at least 4.5:1 contrast for their white text. */
const BADGE_CLASS: Record<Badge['status'], string> = {
  ready: 'bg-success-darker',
  expiring: 'bg-accent-warm-darker',
  not_ready: 'bg-secondary-dark',
};

/**
 * Ready, expiring or not ready, with the reasons one click away: a roster stays scannable and
 * the reasons are there for whoever needs them.
 */
export function ReadinessBadge({ readiness }: { readiness: Badge }) {
  const { t } = useTranslation();
  const tag = <span className={`usa-tag readiness-badge ${BADGE_CLASS[readiness.status]}`}>{t(`readiness.statuses.${readiness.status}`)}</span>;
  if (readiness.reasons.length === 0) return tag;
  return (
    <details className="readiness-reasons">
      <summary>
        {tag}
        <span className="readiness-reasons__toggle">{t('readiness.why', { count: readiness.reasons.length })}</span>
      </summary>
      <ul className="readiness-reasons__list">
        {readiness.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </details>
  );
}
