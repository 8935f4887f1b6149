import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../api/client';
import type { Engagement } from '../../api/schemas';
import { type Column, PagedTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';
import { useEngagementList } from './api';

/** Engagements newest first, page by page; without the organization column inside one organization. */
export function EngagementsTable({
  params,
  isOrganizationShown = true,
  caption,
  limit = 25,
}: {
  params: QueryParams;
  isOrganizationShown?: boolean;
  caption: string;
  limit?: number;
}) {
  const { t } = useTranslation();
  const query = useEngagementList({ ...params, limit });
  const columns: Column<Engagement>[] = [
    { key: 'date', header: t('engagements.fields.occurredOn'), cell: (engagement) => formatDate(engagement.occurredOn) },
    {
      key: 'title',
      header: t('engagements.fields.title'),
      cell: (engagement) => (
        <>
          <Link to={`/engagements/${engagement.id}`}>{engagement.title}</Link>
          {engagement.withdrawal && <span className="usa-tag bg-base-dark margin-left-1">{t('engagements.withdraw.tag')}</span>}
        </>
      ),
    },
    ...(isOrganizationShown
      ? [
          {
            key: 'organization',
            header: t('engagements.fields.organization'),
            cell: (engagement: Engagement) => <Link to={`/organizations/${engagement.organization.id}`}>{engagement.organization.name}</Link>,
          },
        ]
      : []),
    { key: 'kind', header: t('engagements.fields.kind'), cell: (engagement) => t(`engagementKinds.${engagement.kind}`) },
    { key: 'location', header: t('engagements.fields.location'), cell: (engagement) => engagement.location ?? '' },
  ];
  return <PagedTable query={query} caption={caption} isCaptionHidden columns={columns} rowKey={(engagement) => engagement.id} empty={t('engagements.empty')} />;
}
