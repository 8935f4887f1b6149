import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organization, Person } from '../../api/schemas';
import { useCan } from '../../api/session';
import { type Column, PagedTable } from '../../components/DataTable';
import { usePeopleList } from './api';
import { personName } from './PersonFacts';
import { ReadinessBadge } from './ReadinessBadge';

/** An agency's roster on its page, with the way to add someone to it. */
export function OrganizationPeople({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const can = useCan();
  const query = usePeopleList({ organizationId: organization.id, limit: 10 });
  const columns: Column<Person>[] = [
    { key: 'name', header: t('people.fields.name'), cell: (person) => <Link to={`/people/${person.id}`}>{personName(person)}</Link> },
    { key: 'rank', header: t('people.fields.rankTitle'), cell: (person) => person.rankTitle ?? '' },
  ];
  if (can('people', 'readDetail')) {
    columns.push({ key: 'readiness', header: t('people.fields.readiness'), cell: (person) => (person.readiness ? <ReadinessBadge readiness={person.readiness} /> : '') });
  }
  return (
    <section aria-labelledby="organization-people-heading" className="margin-top-5">
      <div className="section-heading">
        <h2 id="organization-people-heading">{t('people.organizationHeading')}</h2>
        {can('people', 'create') && !organization.isArchived && (
          <Link to={`/people/new?organizationId=${organization.id}`} className="usa-button usa-button--outline">
            {t('nav.newPerson')}
          </Link>
        )}
      </div>
      <PagedTable query={query} caption={t('people.organizationCaption', { name: organization.name })} isCaptionHidden columns={columns} rowKey={(person) => person.id} empty={t('people.organizationEmpty')} />
    </section>
  );
}
