import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type Certification, CERTIFICATION_STATUSES } from '../../api/schemas';
import { useCurrentUser } from '../../api/session';
import { type Column, PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { formatDate } from '../../components/format';
import { ListScope } from '../../components/ListScope';
import { PageHeader } from '../../components/PageHeader';
import { useCredentials } from '../credentials/api';
import { EXPIRING_WITHIN_DAYS, useCertificationList } from './api';
import { CertificationStatusTag } from './CertificationStatusTag';

const FILTERS = ['credentialId', 'status', 'issuedFrom', 'issuedTo'] as const;
const EXPIRING_FILTERS = ['credentialId'] as const;
/** The filters a dashboard figure opens the list with (not in the bar; shown above the table). */
const FIGURE_FILTERS = ['activeOn', 'expiresBy', 'credentialLevel', 'track', 'country', 'organizationId'] as const;

export function useCertificationColumns(): Column<Certification>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'person',
      header: t('certifications.fields.person'),
      cell: (certification) => (
        <>
          <Link to={`/people/${certification.person.id}`}>{certification.person.name}</Link>
          <span className="display-block text-normal text-base-dark">{certification.person.organizationName}</span>
        </>
      ),
    },
    {
      key: 'credential',
      header: t('certifications.fields.credential'),
      cell: (certification) => (
        <>
          <Link to={`/certifications/${certification.id}`}>{certification.credential.name}</Link>
          {certification.renewsId && <span className="display-block text-base-dark">{t('certifications.renewal')}</span>}
        </>
      ),
    },
    { key: 'issued', header: t('certifications.fields.issuedOn'), cell: (certification) => formatDate(certification.issuedOn) },
    {
      key: 'expires',
      header: t('certifications.fields.expiresOn'),
      cell: (certification) => (certification.expiresOn ? formatDate(certification.expiresOn) : t('certifications.neverExpires')),
    },
    { key: 'status', header: t('certifications.fields.status'), cell: (certification) => <CertificationStatusTag status={certification.status} /> },
  ];
}

/**
 * Certifications, latest first, or those running out within 90 days so they can be renewed in
 * time. A coordinator sees their agency's; an instructor their own (the API chooses).
 */
export function CertificationsListPage({ view }: { view: 'all' | 'expiring' }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const credentials = useCredentials();
  const names = view === 'expiring' ? EXPIRING_FILTERS : FILTERS;
  const filters = Object.fromEntries([...names, ...FIGURE_FILTERS].map((name) => [name, params.get(name) ?? undefined]));
  const listed = { ...filters, ...(view === 'expiring' ? { expiringWithinDays: EXPIRING_WITHIN_DAYS } : {}) };
  const query = useCertificationList({ ...listed, limit: 25 });
  const columns = useCertificationColumns();
  // An account bound to a person or an agency sees that one's certifications.
  const own = user.personId ? 'instructor' : user.organizationId ? 'coordinator' : null;
  const title =
    view === 'expiring'
      ? t('certifications.expiringTitle', { days: EXPIRING_WITHIN_DAYS })
      : own
        ? t(`certifications.ownListTitle.${own}`)
        : t('certifications.listTitle');

  return (
    <>
      <PageHeader
        title={title}
        lead={view === 'expiring' ? t('certifications.expiringLead') : undefined}
        actions={<ExportLinks path="/certifications" params={listed} />}
      />
      <FilterBar names={names} label={t('certifications.filtersLabel')}>
        <FilterSelect
          key={credentials.data?.length ?? 0}
          name="credentialId"
          label={t('certifications.fields.credential')}
          options={(credentials.data ?? []).map((credential) => ({ value: credential.id, label: credential.name }))}
          allLabel={t('certifications.allCredentials')}
        />
        {view === 'all' && (
          <>
            <FilterSelect
              name="status"
              label={t('certifications.fields.status')}
              options={CERTIFICATION_STATUSES.map((status) => ({ value: status, label: t(`certificationStatuses.${status}`) }))}
              allLabel={t('certifications.allStatuses')}
            />
            <FilterInput name="issuedFrom" type="date" label={t('certifications.issuedFrom')} />
            <FilterInput name="issuedTo" type="date" label={t('certifications.issuedTo')} />
          </>
        )}
      </FilterBar>
      <ListScope total={query.data?.pages[0]?.total} noun={(count, formatted) => t('figures.totals.certifications', { count, formatted })} />
      <PagedTable
        query={query}
        caption={title}
        isCaptionHidden
        columns={columns}
        rowKey={(certification) => certification.id}
        empty={view === 'expiring' ? t('certifications.noneExpiring', { days: EXPIRING_WITHIN_DAYS }) : t('certifications.empty')}
      />
    </>
  );
}
