import { useTranslation } from 'react-i18next';
import type { CertificationStatus } from '../../api/schemas';

/** Colours chosen from USWDS tokens with at least 4.5:1 contrast for their white text. */
const STATUS_CLASS: Record<CertificationStatus, string> = {
  active: 'bg-success-darker',
  expired: 'bg-base-dark',
  revoked: 'bg-secondary-dark',
};

export function CertificationStatusTag({ status }: { status: CertificationStatus }) {
  const { t } = useTranslation();
  return <span className={`usa-tag status-tag ${STATUS_CLASS[status]}`}>{t(`certificationStatuses.${status}`)}</span>;
}
