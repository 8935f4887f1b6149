import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Person } from '../../api/schemas';
import { useCan, useCurrentUser } from '../../api/session';
import { type Column, PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { ListScope } from '../../components/ListScope';
import { PageHeader } from '../../components/PageHeader';
import { ImportedRecordsNotice } from '../imports/ImportedRecordsNotice';
import { usePeopleList } from './api';
import { PEOPLE_FILTERS, PeopleFilters } from './PeopleFilters';
import { LanguageSkills, personName } from './PersonFacts';
import { ReadinessBadge } from './ReadinessBadge';

/** The filters a dashboard figure (people trained) opens the roster with; shown above the table. */
const FIGURE_FILTERS = ['trainedFrom', 'trainedTo', 'trainedTrack', 'trainedCountry'] as const;

export function PeopleListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const [params] = useSearchParams();
  const filters = Object.fromEntries([...PEOPLE_FILTERS, ...FIGURE_FILTERS].map((name) => [name, params.get(name) ?? undefined]));
  const query = usePeopleList({ ...filters, limit: 50 });
  // Viewers get names only: the columns that would stay empty are left out.
  const isNamesOnly = !can('people', 'readDetail');

  const columns: Column<Person>[] = [
    {
      key: 'name',
      header: t('people.fields.name'),
      cell: (person) => (
        <>
          <Link to={`/people/${person.id}`}>{personName(person)}</Link>
          {person.rankTitle && <span className="display-block text-normal text-base-dark">{person.rankTitle}</span>}
        </>
      ),
    },
    { key: 'organization', header: t('people.fields.organization'), cell: (person) => person.organizationName },
    ...(isNamesOnly
      ? []
      : [
          { key: 'languages', header: t('people.fields.languages'), cell: (person: Person) => <LanguageSkills skills={person.languages ?? []} /> },
          {
            key: 'readiness',
            header: t('people.fields.readiness'),
            cell: (person: Person) => (person.readiness ? <ReadinessBadge readiness={person.readiness} /> : ''),
          },
        ]),
  ];

  return (
    <>
      <PageHeader
        // A user bound to one agency (a coordinator) sees that agency's roster.
        title={user.organizationId ? t('people.ownListTitle') : t('people.listTitle')}
        actions={
          <>
            {can('people', 'create') && (
              <>
                <Link to="/people/new" className="usa-button">
                  {t('nav.newPerson')}
                </Link>
                <Link to="/imports/new?kind=people" className="usa-button usa-button--outline">
                  {t('people.importRoster')}
                </Link>
              </>
            )}
            <ExportLinks path="/people" params={filters} />
          </>
        }
      />
      <ImportedRecordsNotice records="people" />
      <PeopleFilters />
      <ListScope total={query.data?.pages[0]?.total} noun={(count, formatted) => t('figures.totals.people', { count, formatted })} />
      <PagedTable query={query} loadsOnScroll rowCount={query.data?.pages[0]?.total} caption={t('people.listTitle')} isCaptionHidden columns={columns} rowKey={(person) => person.id} empty={t('people.empty')} />
    </>
  );
}
