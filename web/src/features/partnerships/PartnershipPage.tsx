import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PartnershipDetail } from '../../api/schemas';
import { useCan } from '../../api/session';
import { DetailList } from '../../components/DetailList';
import { countryName, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StageBadge } from '../../components/StageBadge';
import { AgreementsSection } from './AgreementsSection';
import { usePartnership } from './api';
import { MoveStageForm } from './MoveStageForm';
import { PartnershipFollowUps, PartnershipMeetings } from './PartnershipActivity';
import { StageHistory } from './StageHistory';

function PartnershipDetails({ partnership }: { partnership: PartnershipDetail }) {
  const { t } = useTranslation();
  return (
    <DetailList
      items={[
        { label: t('partnerships.fields.organization'), value: <Link to={`/organizations/${partnership.organization.id}`}>{partnership.organization.name}</Link> },
        { label: t('partnerships.fields.stage'), value: <StageBadge stage={partnership.stage} /> },
        { label: t('partnerships.fields.owner'), value: partnership.ownerName },
        { label: t('partnerships.fields.tracks'), value: partnership.tracks.map((track) => t(`tracks.${track}`)).join(', ') },
        { label: t('partnerships.fields.targetCountries'), value: partnership.targetCountries.map((code) => countryName(code)).join(', ') },
        { label: t('partnerships.fields.summary'), value: partnership.summary && <span className="pre-line">{partnership.summary}</span> },
      ]}
    />
  );
}

export function PartnershipPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const query = usePartnership(id);
  const partnership = query.data;

  return (
    <>
      <PageHeader
        title={partnership ? t('partnerships.oneTitle', { name: partnership.organization.name }) : t('partnerships.oneTitleLoading')}
        lead={
          partnership && (
            <>
              <StageBadge stage={partnership.stage} /> {t('partnerships.sinceDate', { date: formatDate(partnership.stageChangedOn) })}
            </>
          )
        }
        actions={
          partnership?.allowedActions.includes('update') && (
            <Link to={`/partnerships/${partnership.id}/edit`} className="usa-button usa-button--outline">
              {t('partnerships.editDetails')}
            </Link>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {partnership && (
        <>
          {partnership.allowedActions.includes('changeStage') && partnership.allowedStages.length > 0 && <MoveStageForm partnership={partnership} />}
          <section aria-labelledby="partnership-details-heading" className="margin-top-5">
            <h2 id="partnership-details-heading">{t('partnerships.detailsHeading')}</h2>
            <PartnershipDetails partnership={partnership} />
          </section>
          <AgreementsSection partnership={partnership} canAdd={can('agreements', 'create')} />
          {can('engagements', 'read') && <PartnershipMeetings partnership={partnership} />}
          {can('tasks', 'read') && <PartnershipFollowUps partnership={partnership} />}
          <StageHistory history={partnership.history} />
        </>
      )}
    </>
  );
}
