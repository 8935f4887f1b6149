import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCreatePerson } from './api';
import { personName } from './PersonFacts';
import { PersonForm } from './PersonForm';

/** Adds a person to a roster; `?organizationId=` comes from an organization's page. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreatePerson();
  const organizationId = params.get('organizationId') ?? undefined;
  return (
    <>
      <PageHeader title={t('people.newTitle')} lead={t('people.newLead')} />
      <PersonForm
        organizationId={organizationId}
        submitLabel={t('people.create')}
        cancelTo={organizationId ? `/organizations/${organizationId}` : '/people'}
        onSubmit={async (body) => {
          const person = await create.mutateAsync(body);
          await navigate(`/people/${person.id}`, { state: { notice: t('people.created', { name: personName(person) }) } });
        }}
      />
    </>
  );
}
