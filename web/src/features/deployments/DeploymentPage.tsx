import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DeploymentDetail } from '../../api/schemas';
import { DetailList } from '../../components/DetailList';
import { countryName, formatCount, formatDate, formatInstant, languageName } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDeployment } from './api';
import { AssignmentsSection } from './AssignmentsSection';
import { MoveStatusForm } from './MoveStatusForm';
import { RotationsSection } from './RotationsSection';
import { DeploymentStatusTag } from './StatusTags';

function DeploymentDetails({ deployment }: { deployment: DeploymentDetail }) {
  const { t } = useTranslation();
  return (
    <DetailList
      items={[
        { label: t('deployments.fields.hostCountry'), value: countryName(deployment.hostCountry) },
        {
          label: t('deployments.fields.hostOrganization'),
          value: deployment.hostOrganization && <Link to={`/organizations/${deployment.hostOrganization.id}`}>{deployment.hostOrganization.name}</Link>,
        },
        { label: t('deployments.fields.track'), value: t(`tracks.${deployment.track}`) },
        { label: t('deployments.fields.purposes'), value: deployment.purposes.map((purpose) => t(`purposes.${purpose}`)).join(', ') },
        { label: t('deployments.fields.dates'), value: t('common.dateRange', { from: formatDate(deployment.startOn), to: formatDate(deployment.endOn) }) },
        {
          label: t('deployments.fields.requiredLanguages'),
          value: deployment.requiredLanguages
            .map((need) => t('deployments.languageNeed', { language: languageName(need.language), level: need.minSpeaking }))
            .join(t('common.or')),
        },
        { label: t('deployments.fields.specialties'), value: deployment.specialties.join(', ') },
        { label: t('deployments.fields.isHighThreat'), value: deployment.isHighThreat ? t('common.yes') : t('common.no') },
        { label: t('deployments.fields.personDays'), value: formatCount(deployment.personDays) },
        { label: t('deployments.fields.summary'), value: deployment.summary && <span className="pre-line">{deployment.summary}</span> },
      ]}
    />
  );
}

function StatusHistory({ history }: { history: DeploymentDetail['history'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="status-history-heading" className="margin-top-5">
      <h2 id="status-history-heading">{t('deployments.historyHeading')}</h2>
      <ol className="usa-process-list">
        {history.map((change) => (
          <li key={change.changedAt + change.toStatus} className="usa-process-list__item padding-bottom-3">
            <h3 className="usa-process-list__heading font-sans-md">
              {change.fromStatus
                ? t('deployments.historyMove', { from: t(`deploymentStatuses.${change.fromStatus}`), to: t(`deploymentStatuses.${change.toStatus}`) })
                : t('deployments.historyStart', { to: t(`deploymentStatuses.${change.toStatus}`) })}
            </h3>
            <p className="margin-top-05 text-base-dark">{formatInstant(change.changedAt)}</p>
            {change.note && <p className="margin-top-05 pre-line">{change.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function DeploymentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useDeployment(id);
  const deployment = query.data;
  const can = (action: DeploymentDetail['allowedActions'][number]) => deployment?.allowedActions.includes(action) ?? false;

  return (
    <>
      <PageHeader
        title={deployment?.title ?? t('deployments.oneTitle')}
        lead={
          deployment && (
            <>
              <DeploymentStatusTag status={deployment.status} />{' '}
              {t('deployments.lead', { country: countryName(deployment.hostCountry), from: formatDate(deployment.startOn), to: formatDate(deployment.endOn) })}
            </>
          )
        }
        actions={
          <>
            {can('update') && (
              <Link to={`/deployments/${id}/edit`} className="usa-button usa-button--outline">
                {t('common.edit')}
              </Link>
            )}
            {can('nominate') && (
              <Link to={`/deployments/${id}/candidates`} className="usa-button">
                {t('deployments.findCandidates')}
              </Link>
            )}
          </>
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {deployment && (
        <>
          {can('changeStatus') && <MoveStatusForm deployment={deployment} />}
          <section aria-labelledby="deployment-details-heading" className="margin-top-5">
            <h2 id="deployment-details-heading">{t('deployments.detailsHeading')}</h2>
            <DeploymentDetails deployment={deployment} />
          </section>
          <RotationsSection deployment={deployment} canAdd={can('addRotation')} />
          <AssignmentsSection deployment={deployment} />
          <StatusHistory history={deployment.history} />
        </>
      )}
    </>
  );
}
