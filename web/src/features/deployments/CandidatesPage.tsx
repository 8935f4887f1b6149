import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DeploymentDetail } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatDate, languageName } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCandidates, useDeployment } from './api';
import { CandidateCard } from './CandidateCard';

function Needs({ deployment }: { deployment: DeploymentDetail }) {
  const { t } = useTranslation();
  const languages = deployment.requiredLanguages.map((need) => t('deployments.languageNeed', { language: languageName(need.language), level: need.minSpeaking }));
  return (
    <p className="margin-top-0">
      {languages.length > 0 ? t('candidates.needsLanguages', { languages: languages.join(t('common.or')) }) : t('candidates.noLanguageNeeded')}
      {deployment.specialties.length > 0 && ` ${t('candidates.needsSpecialties', { specialties: deployment.specialties.join(', ') })}`}
    </p>
  );
}

function CandidateList({ deployment }: { deployment: DeploymentDetail }) {
  const { t } = useTranslation();
  const lastRotation = deployment.rotations[deployment.rotations.length - 1];
  const [rotationId, setRotationId] = useState(lastRotation?.id ?? '');
  const [nominated, setNominated] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const query = useCandidates(deployment.id, rotationId);
  const rotation = deployment.rotations.find((candidate) => candidate.id === rotationId);
  const canNominate = deployment.allowedActions.includes('nominate');

  return (
    <>
      {deployment.rotations.length > 1 && (
        <div className="usa-form-group margin-top-0">
          <label className="usa-label" htmlFor="candidates-rotation">
            {t('candidates.rotation')}
          </label>
          <select id="candidates-rotation" className="usa-select" value={rotationId} onChange={(event) => setRotationId(event.target.value)}>
            {deployment.rotations.map((option) => (
              <option key={option.id} value={option.id}>
                {t('rotations.name', { number: option.sequence })}: {t('common.dateRange', { from: formatDate(option.startOn), to: formatDate(option.endOn) })}
              </option>
            ))}
          </select>
        </div>
      )}
      {rotation && <p>{t('candidates.places', { number: rotation.sequence, taken: rotation.selectedCount, authorized: rotation.authorizedHeadcount })}</p>}
      <div ref={noticeRef} tabIndex={-1} className="candidates__notice">
        {nominated && (
          <Alert type="success" headingLevel="h2" isSlim role="status" className="margin-bottom-2">
            {nominated}
          </Alert>
        )}
      </div>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && (
        <section aria-labelledby="ranked-heading">
          <h2 id="ranked-heading">{t('candidates.rankedHeading')}</h2>
          {query.data.length === 0 ? (
            <p className="text-base-dark">{t('candidates.empty')}</p>
          ) : (
            <ol className="candidate-list">
              {query.data.map((candidate, index) => (
                <CandidateCard
                  key={candidate.person.id}
                  candidate={candidate}
                  rank={index + 1}
                  deploymentId={deployment.id}
                  rotationId={rotationId}
                  canNominate={canNominate}
                  onNominated={(name, role) => {
                    // The card goes once the list is asked again, so focus moves to the news.
                    flushSync(() => setNominated(t('candidates.nominated', { name, role })));
                    noticeRef.current?.focus();
                  }}
                />
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}

/** People ranked for a deployment's rotation, each score explained, with a Nominate button each. */
export function CandidatesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useDeployment(id);
  const deployment = query.data;
  return (
    <>
      <PageHeader
        title={deployment ? t('candidates.title', { title: deployment.title }) : t('candidates.titleLoading')}
        lead={t('candidates.lead')}
        actions={
          <Link to={`/deployments/${id}`} className="usa-button usa-button--outline">
            {t('candidates.backToDeployment')}
          </Link>
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {deployment && (
        <>
          <Needs deployment={deployment} />
          <CandidateList deployment={deployment} />
        </>
      )}
    </>
  );
}
