import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createUserSchema, type Role } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { SelectField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { PageHeader } from '../../components/PageHeader';
import { useOrganizationOptions } from '../organizations/api';
import { PersonPickerField } from '../people/PersonPickerField';
import { type CreatedUser, useCreateUser } from './api';
import { OneTimeSecret } from './OneTimeSecret';

const OFFERED_ROLES: Role[] = ['program_officer', 'coordinator', 'instructor', 'viewer', 'admin'];

interface UserValues {
  name: string;
  email: string;
  role: string;
  organizationId: string;
  personId: string;
}

const EMPTY: UserValues = { name: '', email: '', role: 'program_officer', organizationId: '', personId: '' };

function toRequest(values: UserValues) {
  return {
    name: values.name,
    email: values.email,
    role: values.role as Role,
    organizationId: values.role === 'coordinator' ? blankToNull(values.organizationId) : null,
    // An instructor signs in as one person on the roster, bound to their record.
    personId: values.role === 'instructor' ? blankToNull(values.personId) : null,
  };
}

function NewUserForm({ onCreated }: { onCreated: (created: CreatedUser) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const organizations = useOrganizationOptions();
  const form = useForm({ defaultValues: EMPTY, resolver: apiResolver({ schema: createUserSchema, toRequest }), shouldFocusError: false });
  const role = useWatch({ control: form.control, name: 'role' });

  return (
    <Form
      form={form}
      idPrefix="user"
      labels={{
        name: t('users.fields.name'),
        email: t('users.fields.email'),
        role: t('users.fields.role'),
        organizationId: t('users.fields.organization'),
        personId: t('users.fields.person'),
      }}
      submitLabel={t('users.create')}
      cancel="/admin/users"
      onSubmit={async (body) => onCreated(await create.mutateAsync(body))}
    >
      <TextField name="name" isRequired autoComplete="off" />
      <TextField name="email" type="email" isRequired autoComplete="off" />
      <SelectField name="role" isRequired options={OFFERED_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} hint={t('users.hints.role')} />
      {role === 'coordinator' && (
        <SelectField
          key={organizations.data?.length ?? 0}
          name="organizationId"
          isRequired
          placeholder={t('common.select')}
          hint={t('users.hints.organization')}
          options={(organizations.data ?? []).map((organization) => ({ value: organization.id, label: organization.name }))}
        />
      )}
      {role === 'instructor' && <PersonPickerField name="personId" isRequired hint={t('users.hints.person')} />}
    </Form>
  );
}

export function NewUserPage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedUser | null>(null);
  return (
    <>
      <PageHeader title={t('users.newTitle')} lead={t('users.newLead')} />
      {created ? (
        <OneTimeSecret
          heading={t('users.created', { name: created.user.name })}
          explanation={t('users.oneTimePasswordExplanation')}
          label={t('users.oneTimePassword')}
          secret={created.oneTimePassword ?? ''}
        >
          <div className="margin-top-2">
            <button type="button" className="usa-button" onClick={() => setCreated(null)}>
              {t('users.createAnother')}
            </button>
            <Link to="/admin/users" className="usa-button usa-button--outline">
              {t('users.backToList')}
            </Link>
          </div>
        </OneTimeSecret>
      ) : (
        <NewUserForm onCreated={setCreated} />
      )}
    </>
  );
}
