import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSIGNMENT_ROLES, type Candidate } from '../../api/schemas';
import { formatCount, languageName } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useNominate } from './api';

interface CandidateRowProps {
  candidate: Candidate;
  rank: number;
  deploymentId: string;
  rotationId: string;
  canNominate: boolean;
  onNominated: (name: string, role: string) => void;
}

/** How each factor earned its points, folded under the score so the table stays one line a person. */
function Why({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  return (
    <details className="candidate-why">
      <summary>
        {t('candidates.why')}
        <span className="usa-sr-only"> {candidate.person.name}</span>
      </summary>
      <ul className="usa-list usa-list--unstyled margin-top-1">
        {candidate.components.map((component) => (
          <li key={component.factor} className="margin-bottom-05">
            <span className="text-bold">{t(`candidates.factors.${component.factor}`)}</span>{' '}
            {t('candidates.pointsOf', { points: formatCount(component.points), max: component.max })}: {component.detail}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** One ranked candidate as a table row: score (and why), who, languages, readiness, dates free, and a way to nominate. */
export function CandidateRow({ candidate, rank, deploymentId, rotationId, canNominate, onNominated }: CandidateRowProps) {
  const { t } = useTranslation();
  const nominate = useNominate(deploymentId);
  const [role, setRole] = useState<string>('mentor');
  const { id, name, organizationName } = candidate.person;
  const language = candidate.components.find((component) => component.factor === 'language');

  // The row leaves the list as soon as the nomination is saved, so the news is told by the page.
  const submit = async () => {
    try {
      await nominate.mutateAsync({ personId: id, rotationId, role });
      onNominated(name, t(`assignmentRoles.${role as (typeof ASSIGNMENT_ROLES)[number]}`));
    } catch {
      // Shown in the row by the mutation's error.
    }
  };

  return (
    <tr>
      <td className="text-tabular">{t('candidates.rank', { rank })}</td>
      <td>
        <span className="text-bold text-tabular">{formatCount(candidate.score)}</span>
        <Why candidate={candidate} />
      </td>
      <th scope="row">
        <Link to={`/people/${id}`}>{name}</Link>
        {candidate.isInTrack && <span className="display-block text-base-dark font-sans-2xs">{t('candidates.inTrack')}</span>}
      </th>
      <td>{organizationName}</td>
      <td>
        {language?.detail}
        {candidate.languageLevelsUnknown.length > 0 && (
          <span className="display-block">
            <span className="usa-tag bg-base-darker">{t('candidates.levelUnknownTag')}</span>{' '}
            <span className="usa-sr-only">{t('candidates.levelsUnknown', { languages: candidate.languageLevelsUnknown.map((code) => languageName(code)).join(', ') })}</span>
          </span>
        )}
      </td>
      <td>{candidate.isReady ? t('candidates.ready') : <span className="text-secondary-dark text-bold">{t('candidates.notReady')}</span>}</td>
      <td>{candidate.isAvailable ? t('candidates.available') : <span className="text-secondary-dark text-bold">{t('candidates.notAvailable')}</span>}</td>
      {canNominate && (
        <td>
          <div className="candidate-nominate">
            <label className="usa-sr-only" htmlFor={`role-${id}`}>
              {t('candidates.roleFor', { name })}
            </label>
            <select id={`role-${id}`} className="usa-select usa-select--compact" value={role} onChange={(event) => setRole(event.target.value)}>
              {ASSIGNMENT_ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`assignmentRoles.${value}`)}
                </option>
              ))}
            </select>
            <button type="button" className="usa-button usa-button--outline" aria-label={t('candidates.nominateLabel', { name })} disabled={nominate.isPending} onClick={() => void submit()}>
              {nominate.isPending ? t('form.saving') : t('candidates.nominate')}
            </button>
          </div>
          {nominate.isError && <ProblemAlert error={nominate.error} headingLevel="h3" />}
        </td>
      )}
    </tr>
  );
}
