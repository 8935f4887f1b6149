import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Assignment } from '../../api/schemas';
import { formatDate } from '../../components/format';

/** The person, their agency, and what stops them deploying for these dates, listed under them. */
export function AssignmentPerson({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const blockers = assignment.status === 'returned' || assignment.status === 'withdrawn' ? [] : (assignment.blockers ?? []);
  return (
    <>
      <Link id={`assignment-person-${assignment.id}`} to={`/people/${assignment.person.id}`}>
        {assignment.person.name}
      </Link>
      <span className="display-block text-normal text-base-dark">{assignment.person.organizationName}</span>
      {blockers.length > 0 && (
        <div className="blockers">
          <span className="blockers__heading">{t('assignments.blockersHeading')}</span>
          <ul className="blockers__list">
            {blockers.map((blocker) => (
              <li key={blocker.rule}>{blocker.detail}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** Planned dates, and when they actually left and came back. */
export function AssignmentDates({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  return (
    <>
      {t('common.dateRange', { from: formatDate(assignment.startOn), to: formatDate(assignment.endOn) })}
      {assignment.deployedOn && <span className="display-block text-base-dark">{t('assignments.deployedOn', { date: formatDate(assignment.deployedOn) })}</span>}
      {assignment.returnedOn && <span className="display-block text-base-dark">{t('assignments.returnedOn', { date: formatDate(assignment.returnedOn) })}</span>}
      {assignment.withdrawnReason && <span className="display-block text-base-dark">{t('assignments.withdrawnBecause', { reason: assignment.withdrawnReason })}</span>}
    </>
  );
}
