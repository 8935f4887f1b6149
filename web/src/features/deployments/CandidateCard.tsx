import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSIGNMENT_ROLES, type Candidate } from '../../api/schemas';
import { type Column, DataTable } from '../../components/DataTable';
import { formatCount, languageName } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useNominate } from './api';

type Component = Candidate['components'][number];

interface CandidateCardProps {
  candidate: Candidate;
  rank: number;
  deploymentId: string;
  rotationId: string;
  canNominate: boolean;
  onNominated: (name: string, role: string) => void;
}

/** One ranked candidate: the score, how each factor earned its points, and a way to nominate them. */
export function CandidateCard({ candidate, rank, deploymentId, rotationId, canNominate, onNominated }: CandidateCardProps) {
  const { t } = useTranslation();
  const nominate = useNominate(deploymentId);
  const [role, setRole] = useState<string>('mentor');
  const { id, name, organizationName } = candidate.person;
  const headingId = `candidate-${id}`;

  // The card leaves the list as soon as the nomination is saved, so the news is told by the page.
  const submit = async () => {
    try {
      await nominate.mutateAsync({ personId: id, rotationId, role });
      onNominated(name, t(`assignmentRoles.${role as (typeof ASSIGNMENT_ROLES)[number]}`));
    } catch {
      // Shown under the card by the mutation's error.
    }
  };

  const columns: Column<Component>[] = [
    { key: 'factor', header: t('candidates.fields.factor'), cell: (component) => t(`candidates.factors.${component.factor}`) },
    { key: 'points', header: t('candidates.fields.points'), cell: (component) => t('candidates.pointsOf', { points: formatCount(component.points), max: component.max }) },
    { key: 'detail', header: t('candidates.fields.detail'), cell: (component) => component.detail },
  ];

  return (
    <li className="candidate" aria-labelledby={headingId}>
      <div className="candidate__header">
        <h3 id={headingId} className="candidate__name">
          <span className="candidate__rank">{t('candidates.rank', { rank })}</span> <Link to={`/people/${id}`}>{name}</Link>
        </h3>
        <p className="candidate__score">
          <span className="text-bold">{t('candidates.score', { score: formatCount(candidate.score) })}</span>
          <span className="candidate__bar" aria-hidden="true">
            <span style={{ width: `${Math.max(0, Math.min(100, candidate.score))}%` }} />
          </span>
        </p>
      </div>
      <p className="margin-y-05 text-base-dark">
        {organizationName} ·{' '}
        {candidate.isAvailable ? t('candidates.available') : <span className="text-secondary-dark text-bold">{t('candidates.notAvailable')}</span>} ·{' '}
        {candidate.isReady ? t('candidates.ready') : <span className="text-secondary-dark text-bold">{t('candidates.notReady')}</span>}
      </p>
      {candidate.languageLevelsUnknown.length > 0 && (
        <p className="margin-y-05">
          <span className="usa-tag bg-base-darker">{t('candidates.levelUnknownTag')}</span>{' '}
          {t('candidates.levelsUnknown', { languages: candidate.languageLevelsUnknown.map((code) => languageName(code)).join(', ') })}
        </p>
      )}
      <DataTable caption={t('candidates.breakdown', { name })} isCaptionHidden columns={columns} rows={candidate.components} rowKey={(component) => component.factor} empty="" />
      {canNominate && (
        <div className="inline-add candidate__nominate">
          <label className="usa-label margin-top-0" htmlFor={`role-${id}`}>
            {t('candidates.roleFor', { name })}
          </label>
          <select id={`role-${id}`} className="usa-select" value={role} onChange={(event) => setRole(event.target.value)}>
            {ASSIGNMENT_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`assignmentRoles.${value}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="usa-button"
            aria-label={t('candidates.nominateLabel', { name })}
            disabled={nominate.isPending}
            onClick={() => void submit()}
          >
            {nominate.isPending ? t('form.saving') : t('candidates.nominate')}
          </button>
        </div>
      )}
      {nominate.isError && <ProblemAlert error={nominate.error} headingLevel="h4" />}
    </li>
  );
}
