import { useTranslation } from 'react-i18next';
import type { AssignmentStatus, DeploymentStatus } from '../../api/schemas';

/** Colours chosen from USWDS tokens with at least 4.5:1 contrast for their white text. */
const DEPLOYMENT_CLASS: Record<DeploymentStatus, string> = {
  planning: 'bg-base-dark',
  staffing: 'bg-primary',
  predeployment: 'bg-accent-cool-darker',
  in_country: 'bg-success-darker',
  completed: 'bg-base-darker',
  cancelled: 'bg-secondary-dark',
};

const ASSIGNMENT_CLASS: Record<AssignmentStatus, string> = {
  nominated: 'bg-base-dark',
  selected: 'bg-primary',
  ready: 'bg-accent-cool-darker',
  deployed: 'bg-success-darker',
  returned: 'bg-base-darker',
  withdrawn: 'bg-secondary-dark',
};

export function DeploymentStatusTag({ status }: { status: DeploymentStatus }) {
  const { t } = useTranslation();
  return <span className={`usa-tag status-tag ${DEPLOYMENT_CLASS[status]}`}>{t(`deploymentStatuses.${status}`)}</span>;
}

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const { t } = useTranslation();
  return <span className={`usa-tag status-tag ${ASSIGNMENT_CLASS[status]}`}>{t(`assignmentStatuses.${status}`)}</span>;
}
