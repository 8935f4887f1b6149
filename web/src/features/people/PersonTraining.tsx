import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Certification, EnrollmentStatus, OfferingStatus, Transcript } from '../../api/schemas';
import { type Column, DataTable } from '../../components/DataTable';
import { countryName, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Foreign } from '../../language/Foreign';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTranscript } from '../certifications/api';
import { CertificationStatusTag } from '../certifications/CertificationStatusTag';
import { EnrollmentStatusTag, OfferingStatusTag } from '../offerings/StatusTags';
import { credentialFiles } from '../verify/api';

type CourseRow = Transcript['courses'][number];

function Courses({ courses }: { courses: CourseRow[] }) {
  const { t } = useTranslation();
  const rows = [...courses].sort((a, b) => b.startOn.localeCompare(a.startOn));
  const columns: Column<CourseRow>[] = [
    {
      key: 'course',
      header: t('transcript.fields.course'),
      cell: (row) => (
        <>
          <Link to={`/offerings/${row.offeringId}`}>
            <Foreign lang={row.courseLanguage}>{`${row.courseCode}: ${row.courseTitle}`}</Foreign>
          </Link>
          <span className="display-block text-normal text-base-dark">{t('offerings.versionShort', { version: row.courseVersion })}</span>
        </>
      ),
    },
    { key: 'role', header: t('transcript.fields.role'), cell: (row) => t(`transcript.roles.${row.role}`) },
    { key: 'dates', header: t('transcript.fields.dates'), cell: (row) => t('common.dateRange', { from: formatDate(row.startOn), to: formatDate(row.endOn) }) },
    { key: 'country', header: t('transcript.fields.country'), cell: (row) => countryName(row.country) },
    {
      key: 'status',
      header: t('transcript.fields.status'),
      // A participant's row says how they did; a teacher's, where the offering stands.
      cell: (row) =>
        row.role === 'participant' ? <EnrollmentStatusTag status={row.status as EnrollmentStatus} /> : <OfferingStatusTag status={row.status as OfferingStatus} />,
    },
    { key: 'attendance', header: t('transcript.fields.attendance'), cell: (row) => (row.attendancePercent === null ? '' : `${row.attendancePercent}%`) },
    { key: 'score', header: t('transcript.fields.score'), cell: (row) => (row.score === null ? '' : String(row.score)) },
  ];
  return (
    <>
      <h3>{t('transcript.coursesHeading')}</h3>
      <DataTable caption={t('transcript.coursesHeading')} isCaptionHidden columns={columns} rows={rows} rowKey={(row) => `${row.offeringId}-${row.role}`} empty={t('transcript.noCourses')} />
    </>
  );
}

/** A certification's public page and files; each link names its certification for a screen reader. */
function ShareLinks({ certification }: { certification: Certification }) {
  const { t } = useTranslation();
  const files = credentialFiles(certification.id);
  const which = t('transcript.shareWhich', { credential: certification.credential.name, date: formatDate(certification.issuedOn) });
  return (
    <ul className="usa-list usa-list--unstyled">
      <li>
        <Link to={`/verify/${certification.id}`}>
          {t('certifications.verifyShare')}
          <span className="usa-sr-only">{which}</span>
        </Link>
      </li>
      <li>
        <a href={files.json} download={`credential-${certification.id}.json`}>
          {t('transcript.json')}
          <span className="usa-sr-only">{which}</span>
        </a>
      </li>
      <li>
        <a href={files.pdf()} download>
          {t('transcript.pdf')}
          <span className="usa-sr-only">{which}</span>
        </a>
      </li>
    </ul>
  );
}

/** Each certification with where it stands in its renewal chain: what it renewed, what renewed it. */
function Certifications({ certifications }: { certifications: Certification[] }) {
  const { t } = useTranslation();
  const byId = new Map(certifications.map((certification) => [certification.id, certification]));
  const renewedBy = new Map(certifications.filter((c) => c.renewsId).map((certification) => [certification.renewsId as string, certification]));
  const rows = [...certifications].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
  const history = (certification: Certification) => {
    const earlier = certification.renewsId ? byId.get(certification.renewsId) : undefined;
    const later = renewedBy.get(certification.id);
    return (
      <>
        {earlier && <span className="display-block">{t('transcript.renews', { date: formatDate(earlier.issuedOn) })}</span>}
        {later && <span className="display-block">{t('transcript.renewedBy', { date: formatDate(later.issuedOn) })}</span>}
        {!earlier && !later && t('transcript.firstAward')}
      </>
    );
  };
  const columns: Column<Certification>[] = [
    { key: 'credential', header: t('certifications.fields.credential'), cell: (c) => (
        <Link to={`/certifications/${c.id}`}>
          <Foreign>{c.credential.name}</Foreign>
        </Link>
      ),
    },
    { key: 'issued', header: t('certifications.fields.issuedOn'), cell: (c) => formatDate(c.issuedOn) },
    { key: 'expires', header: t('certifications.fields.expiresOn'), cell: (c) => (c.expiresOn ? formatDate(c.expiresOn) : t('certifications.neverExpires')) },
    { key: 'status', header: t('certifications.fields.status'), cell: (c) => <CertificationStatusTag status={c.status} /> },
    { key: 'history', header: t('transcript.fields.history'), cell: history },
    { key: 'share', header: t('transcript.fields.share'), cell: (c) => <ShareLinks certification={c} /> },
  ];
  return (
    <>
      <h3>{t('transcript.certificationsHeading')}</h3>
      <DataTable caption={t('transcript.certificationsHeading')} isCaptionHidden columns={columns} rows={rows} rowKey={(c) => c.id} empty={t('transcript.noCertifications')} />
    </>
  );
}

/**
 * A person's training: courses taken and taught with their results, certifications with their
 * renewals, and the way to their cascade. Viewers see names only, so they get the link alone.
 */
export function PersonTraining({ personId, isFullRecord }: { personId: string; isFullRecord: boolean }) {
  const { t } = useTranslation();
  const query = useTranscript(personId, { enabled: isFullRecord });
  return (
    <section aria-labelledby="person-training-heading" className="margin-top-5">
      <div className="section-heading">
        <h2 id="person-training-heading">{t('transcript.heading')}</h2>
        <Link to={`/cascade/instructors/${personId}`} className="usa-button usa-button--outline">
          {t('transcript.viewCascade')}
        </Link>
      </div>
      {!isFullRecord && <p className="margin-top-0">{t('transcript.namesOnly')}</p>}
      {isFullRecord && query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
      {query.data && (
        <>
          <Courses courses={query.data.courses} />
          <Certifications certifications={query.data.certifications} />
        </>
      )}
    </section>
  );
}
