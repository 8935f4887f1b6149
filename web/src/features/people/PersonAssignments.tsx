import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Assignment } from '../../api/schemas';
import { type Column, DataTable } from '../../components/DataTable';
import { formatCount, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AssignmentStatusTag } from '../deployments/StatusTags';
import { usePersonAssignments } from './api';

/** Where the person has been or is going, earliest first. */
export function PersonAssignments({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const query = usePersonAssignments(personId);
  const rows = [...(query.data ?? [])].sort((a, b) => a.startOn.localeCompare(b.startOn));
  const columns: Column<Assignment>[] = [
    { key: 'deployment', header: t('assignments.fields.deployment'), cell: (a) => <Link to={`/deployments/${a.deploymentId}`}>{a.deploymentTitle}</Link> },
    { key: 'role', header: t('assignments.fields.role'), cell: (a) => t(`assignmentRoles.${a.role}`) },
    { key: 'status', header: t('assignments.fields.status'), cell: (a) => <AssignmentStatusTag status={a.status} /> },
    { key: 'dates', header: t('assignments.fields.dates'), cell: (a) => t('common.dateRange', { from: formatDate(a.startOn), to: formatDate(a.endOn) }) },
    { key: 'days', header: t('assignments.fields.personDays'), cell: (a) => formatCount(a.personDays) },
  ];
  return (
    <section aria-labelledby="person-assignments-heading" className="margin-top-5">
      <h2 id="person-assignments-heading">{t('people.assignmentsHeading')}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
      {query.data && (
        <DataTable caption={t('people.assignmentsHeading')} isCaptionHidden columns={columns} rows={rows} rowKey={(a) => a.id} empty={t('people.noAssignments')} />
      )}
    </section>
  );
}
