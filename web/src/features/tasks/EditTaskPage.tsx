import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Task, updateTaskSchema } from '../../api/schemas';
import { DateField } from '../../components/form/DateField';
import { Form } from '../../components/form/Form';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useOwnerChoices } from '../partnerships/api';
import { useTask, useUpdateTask } from './api';

interface TaskValues {
  title: string;
  dueOn: string;
  ownerId: string;
  notes: string;
}

function toValues(task: Task): TaskValues {
  return { title: task.title, dueOn: task.dueOn, ownerId: task.ownerId ?? '', notes: task.notes ?? '' };
}

function toRequest(values: TaskValues) {
  return { title: values.title, dueOn: values.dueOn, ownerId: blankToNull(values.ownerId), notes: blankToNull(values.notes) };
}

/** Where a follow-up is seen from: its meeting if it has one, else the follow-ups list. */
export function taskHome(task: Pick<Task, 'engagementId'>): string {
  return task.engagementId ? `/engagements/${task.engagementId}` : '/tasks';
}

function TaskForm({ task }: { task: Task }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateTask(task);
  const owners = useOwnerChoices({ id: task.ownerId, name: task.ownerName });
  const form = useForm({ defaultValues: toValues(task), resolver: apiResolver({ schema: updateTaskSchema, toRequest }), shouldFocusError: false });
  return (
    <Form
      form={form}
      latest={{ version: task.version, values: toValues(task) }}
      describeValue={(field, value) => (field === 'ownerId' ? (owners.find((owner) => owner.value === value)?.label ?? null) : null)}
      idPrefix="task"
      labels={{ title: t('tasks.fields.title'), dueOn: t('tasks.fields.dueOn'), ownerId: t('tasks.fields.owner'), notes: t('tasks.fields.notes') }}
      submitLabel={t('common.saveChanges')}
      cancel={taskHome(task)}
      onSubmit={async (body) => {
        await update.mutateAsync(body);
        await navigate(taskHome(task), { state: { notice: t('common.saved') } });
      }}
    >
      <TextField name="title" isRequired />
      <DateField name="dueOn" isRequired hint={task.engagementId ? t('tasks.hints.dueOn') : undefined} />
      <SelectField key={owners.length} name="ownerId" placeholder={t('tasks.noOwner')} options={owners} />
      <TextAreaField name="notes" />
    </Form>
  );
}

/** Correcting a follow-up: its task, due date, owner and notes. */
export function EditTaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useTask(id);
  const task = query.data;
  return (
    <>
      <PageHeader
        title={task ? t('tasks.editTitle', { title: task.title }) : t('tasks.oneTitleLoading')}
        lead={
          task?.engagementId && (
            <>
              {t('tasks.followsUp')} <Link to={`/engagements/${task.engagementId}`}>{task.engagementTitle}</Link>
            </>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {task && <TaskForm key={task.id} task={task} />}
    </>
  );
}
