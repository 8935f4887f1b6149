import { useTranslation } from 'react-i18next';
import type { EnrollmentStatus, OfferingStatus } from '../../api/schemas';

/** Colours chosen from USWDS tokens with at least 4.5:1 contrast for their white text. */
const OFFERING_CLASS: Record<OfferingStatus, string> = {
  scheduled: 'bg-primary',
  closed: 'bg-base-darker',
  cancelled: 'bg-secondary-dark',
};

const ENROLLMENT_CLASS: Record<EnrollmentStatus, string> = {
  enrolled: 'bg-primary',
  completed: 'bg-success-darker',
  failed: 'bg-secondary-dark',
  withdrawn: 'bg-base-dark',
  no_show: 'bg-base-dark',
};

export function OfferingStatusTag({ status }: { status: OfferingStatus }) {
  const { t } = useTranslation();
  return <span className={`usa-tag status-tag ${OFFERING_CLASS[status]}`}>{t(`offeringStatuses.${status}`)}</span>;
}

export function EnrollmentStatusTag({ status }: { status: EnrollmentStatus }) {
  const { t } = useTranslation();
  return <span className={`usa-tag status-tag ${ENROLLMENT_CLASS[status]}`}>{t(`enrollmentStatuses.${status}`)}</span>;
}
