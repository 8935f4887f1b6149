import { useTranslation } from 'react-i18next';
import type { Stage } from '../api/schemas';

/** Colours chosen from USWDS tokens with at least 4.5:1 contrast for their white text. */
const STAGE_CLASS: Record<Stage, string> = {
  prospect: 'bg-base-dark',
  engaged: 'bg-primary',
  agreement: 'bg-accent-cool-darker',
  active: 'bg-success-darker',
  paused: 'bg-emergency',
  closed: 'bg-base-darker',
};

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <span className={`usa-tag stage-badge ${STAGE_CLASS[stage]}`}>{t(`stages.${stage}`)}</span>;
}
