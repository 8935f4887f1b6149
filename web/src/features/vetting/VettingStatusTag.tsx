import { useTranslation } from 'react-i18next';
import type { VettingStatus } from '../../api/schemas';

/** Colours chosen from USWDS tokens with at least 4.5:1 contrast for their white text. */
const STATUS_CLASS: Record<VettingStatus, string> = {
  pending: 'bg-accent-warm-darker',
  cleared: 'bg-success-darker',
  denied: 'bg-secondary-dark',
  suspended: 'bg-base-darker',
};

export function VettingStatusTag({ status }: { status: VettingStatus }) {
  const { t } = useTranslation();
  return <span className={`usa-tag status-tag ${STATUS_CLASS[status]}`}>{t(`vettingStatuses.${status}`)}</span>;
}
