import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Certification } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { DetailList } from '../../components/DetailList';
import { formatDate, formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CredentialDownloads } from '../verify/CredentialDownloads';
import { useCertification } from './api';
import { CertificationStatusTag } from './CertificationStatusTag';
import { RevokeForm } from './RevokeForm';

function CertificationDetails({ certification }: { certification: Certification }) {
  const { t } = useTranslation();
  return (
    <DetailList
      items={[
        { label: t('certifications.fields.person'), value: <Link to={`/people/${certification.person.id}`}>{certification.person.name}</Link> },
        { label: t('certifications.fields.organization'), value: certification.person.organizationName },
        { label: t('certifications.fields.credential'), value: <Link to={`/credentials/${certification.credential.id}`}>{certification.credential.name}</Link> },
        { label: t('certifications.fields.status'), value: <CertificationStatusTag status={certification.status} /> },
        { label: t('certifications.fields.issuedOn'), value: formatDate(certification.issuedOn) },
        { label: t('certifications.fields.expiresOn'), value: certification.expiresOn ? formatDate(certification.expiresOn) : t('certifications.neverExpires') },
        {
          label: t('certifications.fields.offering'),
          value: certification.offeringId && <Link to={`/offerings/${certification.offeringId}`}>{t('certifications.viewOffering')}</Link>,
        },
        {
          label: t('certifications.fields.renews'),
          value: certification.renewsId && <Link to={`/certifications/${certification.renewsId}`}>{t('certifications.viewRenewed')}</Link>,
        },
        { label: t('certifications.fields.revokedAt'), value: formatInstant(certification.revokedAt) },
        { label: t('certifications.fields.revokedReason'), value: certification.revokedReason && <span className="pre-line">{certification.revokedReason}</span> },
      ]}
    />
  );
}

/** The program office may revoke a certification; the button and the form replace each other. */
function RevokeSection({ certification }: { certification: Certification }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [isRevoked, setIsRevoked] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const open = () => {
    flushSync(() => setIsOpen(true));
    heading.current?.focus();
  };
  const done = (revoked: boolean) => {
    flushSync(() => {
      setIsOpen(false);
      setIsRevoked(revoked);
    });
    if (revoked) heading.current?.focus();
    else button.current?.focus();
  };
  // Revoked before this visit: the details say so, and there is nothing left to do.
  if (certification.status === 'revoked' && !isRevoked) return null;
  return (
    <section aria-labelledby="revoke-heading" className="margin-top-5">
      <h2 id="revoke-heading" ref={heading} tabIndex={-1}>
        {t('certifications.revokeHeading')}
      </h2>
      {isRevoked && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {t('certifications.revoked')}
        </Alert>
      )}
      {certification.status !== 'revoked' && !isOpen && (
        <>
          <p className="margin-top-0">{t('certifications.revokeLead')}</p>
          <button ref={button} type="button" className="usa-button usa-button--secondary" onClick={open}>
            {t('certifications.revoke')}
          </button>
        </>
      )}
      {certification.status !== 'revoked' && isOpen && <RevokeForm certification={certification} onDone={done} />}
    </section>
  );
}

/**
 * The certificate anyone can check: its public page (where the printed QR code leads), to open
 * or to pass on, and its files.
 */
function ShareSection({ certification }: { certification: Certification }) {
  const { t } = useTranslation();
  const page = `/verify/${certification.id}`;
  return (
    <section aria-labelledby="share-heading" className="margin-top-5">
      <div className="section-heading">
        <h2 id="share-heading">{t('certifications.shareHeading')}</h2>
        <Link to={page} className="usa-button usa-button--outline">
          {t('certifications.verifyShare')}
        </Link>
      </div>
      <p className="margin-top-0">{t('certifications.shareLead')}</p>
      <p className="overflow-anywhere">
        <span className="text-bold">{t('certifications.publicAddress')}</span> <code>{`${window.location.origin}${page}`}</code>
      </p>
      <CredentialDownloads certificationId={certification.id} idPrefix="certification-downloads" />
    </section>
  );
}

export function CertificationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCertification(id);
  const certification = query.data;
  return (
    <>
      <PageHeader
        title={certification ? t('certifications.oneTitle', { credential: certification.credential.name, name: certification.person.name }) : t('certifications.oneTitleLoading')}
        lead={certification && <CertificationStatusTag status={certification.status} />}
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {certification && (
        <>
          <CertificationDetails certification={certification} />
          <ShareSection certification={certification} />
          {/* Kept once revoked, so the section that revoked it can say so (it shows nothing to a later visit). */}
          {(certification.allowedActions.includes('revoke') || certification.status === 'revoked') && <RevokeSection certification={certification} />}
        </>
      )}
    </>
  );
}
