import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfferingDetail } from '../../api/schemas';
import { type Column, DataTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';

type Issued = OfferingDetail['certifications'][number];

/** What a closed offering certified, read from the records each time the page opens. */
export function IssuedCertifications({ offering }: { offering: OfferingDetail }) {
  const { t } = useTranslation();
  const columns: Column<Issued>[] = [
    { key: 'person', header: t('certifications.fields.person'), cell: (c) => <Link to={`/people/${c.personId}`}>{c.name}</Link> },
    {
      key: 'credential',
      header: t('certifications.fields.credential'),
      cell: (c) => (
        <>
          <Link to={`/certifications/${c.id}`}>{c.credentialName}</Link>
          {c.isRenewal && <span className="display-block text-base-dark">{t('offerings.renewal')}</span>}
        </>
      ),
    },
    { key: 'issued', header: t('certifications.fields.issuedOn'), cell: (c) => formatDate(c.issuedOn) },
    { key: 'expires', header: t('certifications.fields.expiresOn'), cell: (c) => formatDate(c.expiresOn) },
    { key: 'status', header: t('certifications.fields.status'), cell: (c) => t(`certificationStatuses.${c.status}`) },
  ];
  return (
    <section aria-labelledby="issued-certifications-heading" className="margin-top-5">
      <h2 id="issued-certifications-heading">{t('offerings.certificationsHeading')}</h2>
      <DataTable
        caption={t('offerings.certificationsCaption')}
        isCaptionHidden
        columns={columns}
        rows={offering.certifications}
        rowKey={(c) => c.id}
        empty={t('offerings.certificationsEmpty')}
      />
    </section>
  );
}
