import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { PersonDetail } from '../../api/schemas';
import { Forbidden } from '../../app/Forbidden';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePerson, useUpdatePerson } from './api';
import { personName } from './PersonFacts';
import { PersonForm } from './PersonForm';

function EditForm({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdatePerson(person);
  return (
    <PersonForm
      person={person}
      submitLabel={t('common.saveChanges')}
      cancelTo={`/people/${person.id}`}
      onSubmit={async (body) => {
        const saved = await update.mutateAsync(body);
        await navigate(`/people/${saved.id}`, { state: { notice: t('common.saved') } });
      }}
    />
  );
}

export function EditPersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = usePerson(id);
  const person = query.data;
  if (person && !person.allowedActions.includes('update')) return <Forbidden />;
  return (
    <>
      <PageHeader title={person ? t('people.editTitle', { name: personName(person) }) : t('people.editTitleLoading')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {person && <EditForm key={person.id} person={person} />}
    </>
  );
}
