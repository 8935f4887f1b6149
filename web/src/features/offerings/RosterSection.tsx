import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrollment, OfferingDetail } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';
import { LinkErrorSummary } from '../../components/LinkErrorSummary';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Foreign } from '../../language/Foreign';
import { EnrollForm } from './EnrollForm';
import { ResultRow, type RowProblem } from './ResultRow';
import { EnrollmentStatusTag } from './StatusTags';

const percent = (value: number | null) => (value === null ? '' : `${value}%`);

/** The USWDS error summary over the rows that failed to save: one link per field to fix. */
function RowsErrorSummary({ problems, focusKey }: { problems: RowProblem[]; focusKey: number }) {
  const { t } = useTranslation();
  return (
    <LinkErrorSummary
      id="results-error-summary"
      heading={t('form.errorSummary', { count: problems.length })}
      headingLevel="h3"
      className="margin-bottom-2"
      items={problems.map((problem) => ({ fieldId: problem.fieldId, text: t('form.fieldError', { label: problem.label, message: problem.message }) }))}
      focusKey={focusKey}
    />
  );
}

function ResultsTable({ offering, onSaved, onRefused }: { offering: OfferingDetail; onSaved: (enrollment: Enrollment) => void; onRefused: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<Record<string, RowProblem[]>>({});
  const [focusKey, setFocusKey] = useState(0);
  const onProblems = useCallback((id: string, found: RowProblem[]) => {
    setProblems((previous) => (JSON.stringify(previous[id] ?? []) === JSON.stringify(found) ? previous : { ...previous, [id]: found }));
  }, []);
  const onInvalid = useCallback(() => setFocusKey((key) => key + 1), []);
  return (
    <>
      <RowsErrorSummary problems={offering.enrollments.flatMap((enrollment) => problems[enrollment.id] ?? [])} focusKey={focusKey} />
      <table className="usa-table usa-table--borderless usa-table--stacked width-full margin-top-0 results">
        <caption className="usa-sr-only">{t('roster.resultsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.fields.person')}</th>
            <th scope="col">{t('roster.fields.attendance')}</th>
            <th scope="col">{t('roster.fields.score')}</th>
            <th scope="col">{t('roster.fields.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {offering.enrollments.map((enrollment) => (
            <ResultRow key={enrollment.id} enrollment={enrollment} onProblems={onProblems} onInvalid={onInvalid} onSaved={onSaved} onRefused={onRefused} />
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * Who takes the offering, and how they did. While it is open, whoever records it types each
 * participant's attendance and score and saves the row; once closed, each shows the outcome.
 */
export function RosterSection({ offering, canRecord, canEnroll }: { offering: OfferingDetail; canRecord: boolean; canEnroll: boolean }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [problemKey, setProblemKey] = useState(0);
  const [enrollKey, setEnrollKey] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  const onSaved = useCallback(
    (saved: Enrollment) => {
      setProblem(null);
      setNotice(t('roster.saved', { name: saved.person.name }));
    },
    [t],
  );
  const onRefused = useCallback((error: unknown) => {
    setNotice(null);
    setProblem(error);
    setProblemKey((key) => key + 1);
  }, []);

  const columns: Column<Enrollment>[] = [
    {
      key: 'person',
      header: t('roster.fields.person'),
      cell: (enrollment) => (
        <>
          <Link to={`/people/${enrollment.person.id}`}>{enrollment.person.name}</Link>
          <span className="display-block text-normal text-base-dark">
            <Foreign>{enrollment.person.organizationName}</Foreign>
          </span>
        </>
      ),
    },
    { key: 'status', header: t('roster.fields.status'), cell: (enrollment) => <EnrollmentStatusTag status={enrollment.status} /> },
    { key: 'attendance', header: t('roster.fields.attendance'), cell: (enrollment) => percent(enrollment.attendancePercent) },
    { key: 'score', header: t('roster.fields.score'), cell: (enrollment) => (enrollment.score === null ? '' : String(enrollment.score)) },
  ];
  // Why someone did not pass is known once the offering closes.
  if (offering.status === 'closed') columns.push({ key: 'outcome', header: t('roster.fields.outcome'), cell: (enrollment) => enrollment.outcome ?? '' });
  const isEditable = canRecord && offering.enrollments.length > 0;
  const vettingHint = offering.isUsFunded ? t('roster.hints.vetting', { date: formatDate(offering.startOn) }) : t('roster.hints.noVetting');

  return (
    <section aria-labelledby="roster-heading" className="margin-top-5">
      <h2 id="roster-heading">{t('roster.heading')}</h2>
      {isEditable && <p className="usa-hint margin-top-0">{t('roster.resultsHint')}</p>}
      <div ref={noticeRef} tabIndex={-1} className="focus-target">
        {notice && (
          <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
            {notice}
          </Alert>
        )}
      </div>
      <ProblemAlert error={problem} focusKey={problemKey} headingLevel="h3" />
      {isEditable ? (
        <ResultsTable offering={offering} onSaved={onSaved} onRefused={onRefused} />
      ) : (
        <DataTable caption={t('roster.resultsCaption')} isCaptionHidden columns={columns} rows={offering.enrollments} rowKey={(enrollment) => enrollment.id} empty={t('roster.empty')} />
      )}
      {canEnroll && (
        <div className="margin-top-3 border-top border-base-lighter padding-top-2">
          <h3 className="margin-top-0">{t('roster.enrollHeading')}</h3>
          <EnrollForm
            key={enrollKey}
            offeringId={offering.id}
            hint={vettingHint}
            onEnrolled={(enrollment) => {
              flushSync(() => {
                setProblem(null);
                setEnrollKey((key) => key + 1);
                setNotice(t('roster.enrolled', { name: enrollment.person.name }));
              });
              noticeRef.current?.focus();
            }}
          />
        </div>
      )}
    </section>
  );
}
