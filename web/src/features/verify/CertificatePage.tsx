import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isProblem } from '../../api/problem';
import type { CertificateSummary } from '../../api/schemas';
import { PUBLIC_PATH } from '../../app/publicPages';
import { DetailList } from '../../components/DetailList';
import { countryName, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Foreign, RecordSentence } from '../../language/Foreign';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCertificateSummary } from './api';
import { ChainOfTrust } from './ChainOfTrust';
import { CredentialDownloads } from './CredentialDownloads';
import { VerdictBanner } from './VerdictBanner';
import { VerifyYourself } from './VerifyYourself';
import { markSource } from '../issuers/api';

function Details({ certificate }: { certificate: CertificateSummary }) {
  const { t } = useTranslation();
  const { offering } = certificate;
  return (
    <DetailList
      items={[
        { label: t('verify.fields.holder'), value: certificate.holder.name },
        { label: t('verify.fields.organization'), value: <Foreign>{certificate.holder.organizationName}</Foreign> },
        { label: t('verify.fields.credential'), value: <Foreign>{certificate.credential.name}</Foreign> },
        {
          label: t('verify.fields.criteria'),
          value: (
            <Foreign>
              <span className="pre-line">{certificate.credential.criteria}</span>
            </Foreign>
          ),
        },
        { label: t('verify.fields.issuer'), value: <Foreign>{certificate.issuer.name}</Foreign> },
        { label: t('verify.fields.validFrom'), value: formatDate(certificate.issuedOn) },
        { label: t('verify.fields.validUntil'), value: certificate.expiresOn ? formatDate(certificate.expiresOn) : t('certifications.neverExpires') },
        {
          label: t('verify.fields.offering'),
          value:
            offering && (
              <RecordSentence
                records={{ title: offering.title }}
                lang={offering.language}
                words={(marks) => t('verify.offering', { ...marks, from: formatDate(offering.startOn), to: formatDate(offering.endOn), country: countryName(offering.country) })}
              />
            ),
        },
      ]}
    />
  );
}

/** A certificate number nobody issued: said plainly, with the way to check a file instead. */
function UnknownCertificate({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('verify.unknownTitle')} />
      <p>{t('verify.unknown', { id })}</p>
      <Link to={PUBLIC_PATH}>{t('verify.yourself.onlineLink')}</Link>
    </>
  );
}

/**
 * The page a certificate's QR code opens, for anyone: the verdict first, then who holds what,
 * from whom and until when, who vouches for the issuer, the files, and how to check them alone.
 */
export function CertificatePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCertificateSummary(id);
  const certificate = query.data;
  // A mistyped number (not an id at all) is as unknown as one nobody issued.
  if (isProblem(query.error, 404) || isProblem(query.error, 400)) return <UnknownCertificate id={id} />;
  return (
    <>
      {certificate?.issuer.markUrl && (
        <img className="certificate-issuer-mark" src={markSource(certificate.issuer.markUrl)} alt={t('issuerSettings.mark.currentAlt', { issuer: certificate.issuer.name })} />
      )}
      <PageHeader title={certificate ? t('verify.certificateTitle', { name: certificate.holder.name }) : t('verify.certificateTitleLoading')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {certificate && (
        <>
          <VerdictBanner verdict={certificate.verdict}>
            {certificate.verdict.code === 'revoked' && certificate.revokedOn && (
              <span className="display-block margin-top-1">{t('verify.verdict.revokedOn', { date: formatDate(certificate.revokedOn) })}</span>
            )}
          </VerdictBanner>
          <section aria-labelledby="certificate-heading">
            <h2 id="certificate-heading">{t('verify.detailsHeading')}</h2>
            <Details certificate={certificate} />
          </section>
          <section aria-labelledby="chain-heading" className="margin-top-5">
            <h2 id="chain-heading">{t('verify.chain.heading')}</h2>
            <p className="margin-top-0">{t('verify.chain.lead')}</p>
            <ChainOfTrust chain={certificate.chain} />
          </section>
          <section aria-labelledby="downloads-heading" className="margin-top-5">
            <h2 id="downloads-heading">{t('verify.downloads.heading')}</h2>
            <CredentialDownloads certificationId={certificate.id} />
          </section>
          <VerifyYourself issuer={certificate.issuer} />
        </>
      )}
    </>
  );
}
