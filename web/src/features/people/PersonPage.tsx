import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PersonDetail } from '../../api/schemas';
import { DetailList } from '../../components/DetailList';
import { countryName, formatDate, formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Foreign } from '../../language/Foreign';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePerson } from './api';
import { PersonAssignments } from './PersonAssignments';
import { PersonTraining } from './PersonTraining';
import { LanguageSkills, personName } from './PersonFacts';
import { ReadinessSection } from './ReadinessSection';

/** Viewers get a person's name, agency and rank only; everything else is left out, not blank. */
function isFullRecord(person: PersonDetail): boolean {
  return person.version !== undefined;
}

function PersonDetails({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const organization = { label: t('people.fields.organization'), value: (
      <Link to={`/organizations/${person.organizationId}`}>
        <Foreign>{person.organizationName}</Foreign>
      </Link>
    ),
  };
  const rank = { label: t('people.fields.rankTitle'), value: person.rankTitle };
  if (!isFullRecord(person)) return <DetailList items={[organization, rank]} />;
  return (
    <DetailList
      items={[
        organization,
        rank,
        { label: t('people.fields.status'), value: person.status && t(`personStatuses.${person.status}`) },
        { label: t('people.fields.languages'), value: person.languages?.length ? <LanguageSkills skills={person.languages} /> : null },
        { label: t('people.fields.heritageCountries'), value: person.heritageCountries?.map((code) => countryName(code)).join(', ') },
        { label: t('people.fields.specialties'), value: person.specialties?.join(', ') },
        { label: t('people.fields.email'), value: person.email },
        { label: t('people.fields.phone'), value: person.phone },
        { label: t('people.fields.sex'), value: person.sex && t(`sexes.${person.sex}`) },
        { label: t('people.fields.dateOfBirth'), value: formatDate(person.dateOfBirth) },
        { label: t('people.fields.notes'), value: person.notes && <span className="pre-line">{person.notes}</span> },
        { label: t('common.added'), value: formatInstant(person.createdAt) },
      ]}
    />
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = usePerson(id);
  const person = query.data;
  const can = (action: PersonDetail['allowedActions'][number]) => person?.allowedActions.includes(action) ?? false;

  return (
    <>
      <PageHeader
        title={person ? personName(person) : t('people.oneTitle')}
        lead={
          person && (
            <>
              {person.rankTitle && `${person.rankTitle}, `}
              <Foreign>{person.organizationName}</Foreign>
            </>
          )
        }
        actions={
          person &&
          can('update') && (
            <Link to={`/people/${person.id}/edit`} className="usa-button">
              {t('common.edit')}
            </Link>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {person && (
        <>
          <section aria-labelledby="person-details-heading">
            <h2 id="person-details-heading" className="margin-top-0">
              {t('people.detailsHeading')}
            </h2>
            <PersonDetails person={person} />
          </section>
          {isFullRecord(person) && (
            <>
              <ReadinessSection person={person} canEdit={can('setReadiness')} canReveal={can('revealPassport')} />
              <PersonAssignments personId={person.id} />
            </>
          )}
          <PersonTraining personId={person.id} isFullRecord={isFullRecord(person)} />
        </>
      )}
    </>
  );
}
