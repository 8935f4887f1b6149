import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSIGNMENT_ROLES, type Candidate } from '../../api/schemas';
import { formatCount, languageName } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useNominate } from './api';

interface CandidateRowProps {
  candidate: Candidate;
  /** How many columns the table has, for the line that explains the score. */
  columns: number;
  rank: number;
  deploymentId: string;
  rotationId: string;
  canNominate: boolean;
  onNominated: (name: string, role: string) => void;
}

/** How each factor earned its points: a line of its own under the candidate's, across the table. */
function Why({ candidate, id }: { candidate: Candidate; id: string }) {
  const { t } = useTranslation();
  return (
    <ul id={id} className="usa-list usa-list--unstyled candidate-why">
      {candidate.components.map((component) => (
        <li key={component.factor}>
          <span className="text-bold">{t(`candidates.factors.${component.factor}`)}</span>{' '}
          {t('candidates.pointsOf', { points: formatCount(component.points), max: component.max })}: {component.detail}
        </li>
      ))}
    </ul>
  );
}

/** One ranked candidate as a table row: score (and why), who, languages, readiness, dates free, and a way to nominate. */
export function CandidateRow({ candidate, columns, rank, deploymentId, rotationId, canNominate, onNominated }: CandidateRowProps) {
  const { t } = useTranslation();
  const nominate = useNominate(deploymentId);
  const [role, setRole] = useState<string>('mentor');
  const [isExplained, setIsExplained] = useState(false);
  const { id, name, organizationName } = candidate.person;
  const whyId = `why-${id}`;
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
    <>
    <tr className={isExplained ? 'candidate-row--explained' : undefined}>
      <td className="text-tabular">{t('candidates.rank', { rank })}</td>
      <td className="text-no-wrap">
        <span className="text-bold text-tabular">{formatCount(candidate.score)}</span>{' '}
        <button
          type="button"
          className="usa-button usa-button--unstyled candidate-why-toggle"
          aria-expanded={isExplained}
          aria-controls={isExplained ? whyId : undefined}
          aria-label={t('candidates.whyLabel', { name })}
          onClick={() => setIsExplained(!isExplained)}
        >
          {t('candidates.why')}
        </button>
      </td>
      <th scope="row">
        <Link to={`/people/${id}`}>{name}</Link>
        {candidate.isInTrack && <span className="display-block text-base-dark font-sans-2xs">{t('candidates.inTrack')}</span>}
      </th>
      <td className="candidate-agency">{organizationName}</td>
      <td className="candidate-languages">
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
    {isExplained && (
      <tr className="candidate-why-row">
        <td colSpan={columns}>
          <Why candidate={candidate} id={whyId} />
        </td>
      </tr>
    )}
    </>
  );
}
