import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EngagementDetail } from '../../api/schemas';
import { DataTable } from '../../components/DataTable';
import { DetailList } from '../../components/DetailList';
import { formatDate, formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTaskColumns } from '../tasks/TaskTable';
import { useEngagement } from './api';
import { WithdrawnBanner, WithdrawSection } from './WithdrawSection';

function Participants({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="participants-heading" className="margin-top-5">
      <h2 id="participants-heading">{t('engagements.participantsHeading')}</h2>
      {engagement.participants.length === 0 ? (
        <p className="text-base-dark">{t('engagements.noParticipants')}</p>
      ) : (
        <ul className="usa-list">
          {engagement.participants.map((participant, index) => (
            <li key={`${participant.name}-${index}`}>
              {participant.name}
              {participant.title && <span className="text-base-dark">, {participant.title}</span>}
              {participant.organizationName && participant.organizationName !== participant.title && (
                <span className="text-base-dark"> ({participant.organizationName})</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowUps({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const columns = useTaskColumns({ isContextShown: false });
  return (
    <section aria-labelledby="follow-ups-heading" className="margin-top-5">
      <h2 id="follow-ups-heading">{t('engagements.followUpsHeading')}</h2>
      <DataTable
        caption={t('engagements.followUpsHeading')}
        isCaptionHidden
        columns={columns}
        rows={engagement.tasks}
        rowKey={(task) => task.id}
        empty={t('engagements.noFollowUps')}
      />
    </section>
  );
}

export function EngagementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useEngagement(id);
  const engagement = query.data;
  return (
    <>
      <PageHeader
        title={engagement?.title ?? t('engagements.oneTitle')}
        lead={engagement && t('engagements.lead', { kind: t(`engagementKinds.${engagement.kind}`), date: formatDate(engagement.occurredOn) })}
        actions={
          engagement?.allowedActions.includes('update') && (
            <Link to={`/engagements/${engagement.id}/edit`} className="usa-button usa-button--outline">
              {t('engagements.edit')}
            </Link>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {engagement && (
        <>
          {engagement.withdrawal && <WithdrawnBanner withdrawal={engagement.withdrawal} />}
          <DetailList
            items={[
              { label: t('engagements.fields.organization'), value: <Link to={`/organizations/${engagement.organization.id}`}>{engagement.organization.name}</Link> },
              { label: t('engagements.fields.kind'), value: t(`engagementKinds.${engagement.kind}`) },
              { label: t('engagements.fields.occurredOn'), value: formatDate(engagement.occurredOn) },
              { label: t('engagements.fields.location'), value: engagement.location },
              { label: t('engagements.fields.summary'), value: engagement.summary && <span className="pre-line">{engagement.summary}</span> },
              { label: t('engagements.fields.outcome'), value: engagement.outcome && <span className="pre-line">{engagement.outcome}</span> },
              { label: t('common.added'), value: formatInstant(engagement.createdAt) },
            ]}
          />
          <Participants engagement={engagement} />
          <FollowUps engagement={engagement} />
          {engagement.allowedActions.includes('withdraw') && <WithdrawSection engagement={engagement} />}
        </>
      )}
    </>
  );
}
