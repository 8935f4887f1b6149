import { useTranslation } from 'react-i18next';
import type { Import } from '../../api/schemas';

const STATUS_CLASS: Record<Import['status'], string> = {
  uploaded: 'bg-base-dark',
  validating: 'bg-primary',
  validated: 'bg-primary-darker',
  committing: 'bg-primary',
  committed: 'bg-success-darker',
  failed: 'bg-secondary-darker',
};

export function ImportStatus({ status }: { status: Import['status'] }) {
  const { t } = useTranslation();
  return <span className={`usa-tag status-tag ${STATUS_CLASS[status]}`}>{t(`imports.statuses.${status}`)}</span>;
}

/** "12 created, 3 updated, 185 unchanged": what an import did, once it has. */
export function ImportOutcome({ summary }: { summary: Import['summary'] }) {
  const { t } = useTranslation();
  if (!summary) return null;
  return <>{t('imports.outcome', summary)}</>;
}
