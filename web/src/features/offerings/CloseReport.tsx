import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CloseReport as Report } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';

type Certified = Report['certified'][number];
type NotCertified = Report['notCertified'][number];

/** What closing did: who was certified (and until when), who was not, and why. */
export function CloseReport({ report, headingRef }: { report: Report; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const person = (row: { personId: string; name: string }) => <Link to={`/people/${row.personId}`}>{row.name}</Link>;
  const certifiedColumns: Column<Certified>[] = [
    { key: 'name', header: t('closing.fields.person'), cell: person },
    {
      key: 'certification',
      header: t('closing.fields.certification'),
      cell: (row) => (
        <Link to={`/certifications/${row.certificationId}`} aria-label={t('closing.viewCertificationOf', { name: row.name })}>
          {row.isRenewal ? t('closing.renewal') : t('closing.newCertification')}
        </Link>
      ),
    },
    { key: 'expires', header: t('closing.fields.expiresOn'), cell: (row) => (row.expiresOn ? formatDate(row.expiresOn) : t('closing.neverExpires')) },
  ];
  const notCertifiedColumns: Column<NotCertified>[] = [
    { key: 'name', header: t('closing.fields.person'), cell: person },
    {
      key: 'reasons',
      header: t('closing.fields.reasons'),
      cell: (row) => (
        <ul className="usa-list margin-y-0">
          {row.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <section aria-labelledby="close-report-heading" className="close-report margin-bottom-5">
      <h2 id="close-report-heading" ref={headingRef} tabIndex={-1} className="margin-top-0">
        {t('closing.reportHeading')}
      </h2>
      <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
        {t('closing.summary', { certified: report.certified.length, notCertified: report.notCertified.length })}
      </Alert>
      <h3>{t('closing.certifiedHeading', { count: report.certified.length })}</h3>
      <DataTable caption={t('closing.certifiedCaption')} isCaptionHidden columns={certifiedColumns} rows={report.certified} rowKey={(row) => row.personId} empty={t('closing.noneCertified')} />
      {report.passedWithoutCredential.length > 0 && (
        <>
          <h3>{t('closing.passedHeading', { count: report.passedWithoutCredential.length })}</h3>
          <p className="margin-top-0">{report.passedWithoutCredential.map((row) => row.name).join(', ')}</p>
        </>
      )}
      <h3>{t('closing.notCertifiedHeading', { count: report.notCertified.length })}</h3>
      <DataTable caption={t('closing.notCertifiedCaption')} isCaptionHidden columns={notCertifiedColumns} rows={report.notCertified} rowKey={(row) => row.personId} empty={t('closing.noneFailed')} />
    </section>
  );
}
