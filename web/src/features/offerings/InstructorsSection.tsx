import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INSTRUCTOR_ROLES, type OfferingDetail, setInstructorSchema } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { Form } from '../../components/form/Form';
import { SelectField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PersonPickerField } from '../people/PersonPickerField';
import { useRemoveInstructor, useSetInstructor } from './api';

type Instructor = OfferingDetail['instructors'][number];
type Role = (typeof INSTRUCTOR_ROLES)[number];

function InstructorForm({ offering, onAdded }: { offering: OfferingDetail; onAdded: (name: string, role: Role) => void }) {
  const { t } = useTranslation();
  const setInstructor = useSetInstructor(offering);
  const hasLead = offering.instructors.some((instructor) => instructor.role === 'lead');
  const form = useForm({
    defaultValues: { personId: '', role: hasLead ? 'co' : 'lead' },
    resolver: apiResolver({
      schema: setInstructorSchema,
      toRequest: (values: { personId: string; role: string }) => ({ personId: (values.personId || undefined) as string, role: values.role as Role }),
    }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix="instructor"
      labels={{ personId: t('instructors.fields.person'), role: t('instructors.fields.role') }}
      submitLabel={t('instructors.add')}
      hasRequiredNote={false}
      problemHeading={t('instructors.refused')}
      onSubmit={async (body) => {
        const saved = await setInstructor.mutateAsync(body);
        const added = saved.instructors.find((instructor) => instructor.personId === body.personId);
        onAdded(added?.name ?? '', body.role);
      }}
    >
      <PersonPickerField name="personId" isRequired hint={t('instructors.hints.person')} />
      <SelectField name="role" isRequired options={INSTRUCTOR_ROLES.map((role) => ({ value: role, label: t(`instructorRoles.${role}`) }))} hint={t('instructors.hints.role')} />
    </Form>
  );
}

/**
 * Who teaches the offering. Staff add a lead or co-instructor by searching the roster; the API
 * refuses someone without the credential the course requires, or a lead who has not co-taught
 * enough yet, and its reason is shown as it stands.
 */
export function InstructorsSection({ offering, canManage }: { offering: OfferingDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const remove = useRemoveInstructor(offering);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [problemKey, setProblemKey] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  const announce = (message: string) => {
    flushSync(() => setNotice(message));
    noticeRef.current?.focus();
  };
  const removeInstructor = async (instructor: Instructor) => {
    setNotice(null);
    try {
      await remove.mutateAsync(instructor.personId);
      announce(t('instructors.removed', { name: instructor.name }));
    } catch {
      setProblemKey((key) => key + 1);
    }
  };

  const columns: Column<Instructor>[] = [
    { key: 'name', header: t('instructors.fields.person'), cell: (instructor) => <Link to={`/people/${instructor.personId}`}>{instructor.name}</Link> },
    { key: 'role', header: t('instructors.fields.role'), cell: (instructor) => t(`instructorRoles.${instructor.role}`) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (instructor) => (
        <button
          type="button"
          className="usa-button usa-button--outline usa-button--small"
          aria-label={t('instructors.removeLabel', { name: instructor.name })}
          disabled={remove.isPending}
          onClick={() => void removeInstructor(instructor)}
        >
          {t('common.remove')}
        </button>
      ),
    });
  }

  return (
    <section aria-labelledby="instructors-heading" className="margin-top-5">
      <h2 id="instructors-heading">{t('instructors.heading')}</h2>
      <div ref={noticeRef} tabIndex={-1} className="focus-target">
        {notice && (
          <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
            {notice}
          </Alert>
        )}
      </div>
      {remove.isError && <ProblemAlert error={remove.error} focusKey={problemKey} headingLevel="h3" />}
      <DataTable caption={t('instructors.heading')} isCaptionHidden columns={columns} rows={offering.instructors} rowKey={(instructor) => instructor.personId} empty={t('instructors.empty')} />
      {canManage && (
        <div className="margin-top-3 border-top border-base-lighter padding-top-2">
          <h3 className="margin-top-0">{t('instructors.addHeading')}</h3>
          <InstructorForm
            key={formKey}
            offering={offering}
            onAdded={(name, role) => {
              setFormKey((key) => key + 1);
              announce(t('instructors.added', { name, role: t(`instructorRoles.${role}`) }));
            }}
          />
        </div>
      )}
    </section>
  );
}
