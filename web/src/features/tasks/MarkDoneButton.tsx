import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/schemas';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMarkDone } from './api';

export function MarkDoneButton({ task }: { task: Task }) {
  const { t } = useTranslation();
  const markDone = useMarkDone(task);
  return (
    <>
      <button
        type="button"
        className="usa-button usa-button--outline"
        aria-label={t('tasks.markDoneLabel', { title: task.title })}
        disabled={markDone.isPending}
        onClick={() => markDone.mutate()}
      >
        {t('tasks.markDone')}
      </button>
      {markDone.isError && <ProblemAlert error={markDone.error} headingLevel="h3" />}
    </>
  );
}
