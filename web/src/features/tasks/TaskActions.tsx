import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { doneOnProblem, type Task } from '../../api/schemas';
import { formatDate, todayIso } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useUpdateTask } from './api';

/**
 * "Mark done" asks the day it was done: today unless told otherwise, never in the future (the
 * API's own rule and words), so a 2011 task is recorded as done in 2011.
 */
export function MarkDoneForm({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateTask(task);
  const today = todayIso();
  const [doneOn, setDoneOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The form replaces the button that opened it, so focus moves into it.
  useEffect(() => input.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = doneOn ? doneOnProblem(doneOn, today) : t('tasks.doneOnRequired');
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    setError(null);
    try {
      await update.mutateAsync({ status: 'done', doneOn });
    } catch (failure) {
      const field = failure instanceof ApiProblem ? failure.errors.find((e) => e.pointer === '/body/doneOn') : undefined;
      if (field) {
        setError(field.detail);
        input.current?.focus();
      }
    }
  };

  return (
    <form className="task-done-form" aria-label={t('tasks.markDoneLabel', { title: task.title })} onSubmit={(event) => void submit(event)} noValidate>
      <div className={`usa-form-group margin-top-0 ${error ? 'usa-form-group--error' : ''}`}>
        <label className="usa-label margin-top-0" htmlFor={`${id}-done-on`}>
          {t('tasks.doneOnLabel')}
        </label>
        {error && (
          <span className="usa-error-message" id={`${id}-error`} role="alert">
            {error}
          </span>
        )}
        <input
          ref={input}
          id={`${id}-done-on`}
          type="date"
          className={`usa-input usa-input--medium ${error ? 'usa-input--error' : ''}`}
          value={doneOn}
          max={today}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setDoneOn(event.target.value)}
        />
      </div>
      <div className="margin-top-1">
        <button type="submit" className="usa-button usa-button--small" disabled={update.isPending}>
          {t('tasks.saveDone')}
        </button>
        <button type="button" className="usa-button usa-button--unstyled margin-left-1" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      {update.isError && !error && <ProblemAlert error={update.error} headingLevel="h3" />}
    </form>
  );
}

function ReopenButton({ task }: { task: Task }) {
  const { t } = useTranslation();
  const update = useUpdateTask(task);
  return (
    <>
      <button
        type="button"
        className="usa-button usa-button--outline usa-button--small"
        aria-label={t('tasks.reopenLabel', { title: task.title })}
        disabled={update.isPending}
        onClick={() => update.mutate({ status: 'open' })}
      >
        {t('tasks.reopen')}
      </button>
      {update.isError && <ProblemAlert error={update.error} headingLevel="h3" />}
    </>
  );
}

/**
 * What can be done to one follow-up, offered exactly when the server allows changing it: mark an
 * open one done (asking the day), reopen a done one, edit either. A done one says when it was done.
 */
export function TaskActions({ task }: { task: Task }) {
  const { t } = useTranslation();
  // The version the form was opened on: once the task moves on (marked done, by anyone), the form has done its work.
  const [markingVersion, setMarkingVersion] = useState<number | null>(null);
  const isFormShown = markingVersion === task.version && task.status === 'open';
  const wasFormShown = useRef(false);
  const actions = useRef<HTMLDivElement>(null);
  const canChange = task.allowedActions.includes('update');
  const doneDay = task.doneOn ?? task.completedAt?.slice(0, 10) ?? null;
  // When the form closes (saved or cancelled), focus goes to what the row now offers (Reopen, or Mark done again) rather than being lost with it.
  useEffect(() => {
    if (wasFormShown.current && !isFormShown) actions.current?.querySelector<HTMLElement>('button, a')?.focus();
    wasFormShown.current = isFormShown;
  }, [isFormShown]);

  if (isFormShown) return <MarkDoneForm task={task} onClose={() => setMarkingVersion(null)} />;
  return (
    <div className="task-actions" ref={actions}>
      {task.status === 'done' && doneDay && <span>{t('tasks.doneOn', { date: formatDate(doneDay) })}</span>}
      {canChange && task.status === 'open' && (
        <button
          type="button"
          className="usa-button usa-button--outline usa-button--small"
          aria-label={t('tasks.markDoneLabel', { title: task.title })}
          onClick={() => setMarkingVersion(task.version)}
        >
          {t('tasks.markDone')}
        </button>
      )}
      {canChange && task.status === 'done' && <ReopenButton task={task} />}
      {canChange && (
        <Link to={`/tasks/${task.id}/edit`} className="usa-button usa-button--unstyled" aria-label={t('tasks.editLabel', { title: task.title })}>
          {t('common.edit')}
        </Link>
      )}
    </div>
  );
}
