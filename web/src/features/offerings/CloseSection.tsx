import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CloseReport, Credential, OfferingDetail } from '../../api/schemas';
import { formatCount, formatDate, todayIso } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCourse } from '../courses/api';
import { useCredential } from '../credentials/api';
import { useCredentialRules } from '../credentials/CredentialRules';
import { useMe } from '../../api/session';
import { useCloseOffering } from './api';
import { expiryAfter } from './trainingDates';

/** What closing will do, in the words of the credential the course grants. */
function Consequences({ offering, credential }: { offering: OfferingDetail; credential: Credential | undefined }) {
  const { t } = useTranslation();
  const enrolled = offering.enrollments.filter((enrollment) => enrollment.status === 'enrolled');
  const needsScore = Boolean(credential && credential.passMark !== null);
  const missing = enrolled.filter((enrollment) => enrollment.attendancePercent === null || (needsScore && enrollment.score === null));
  const rules = useCredentialRules(credential ?? { passMark: null, minAttendancePercent: 0, validityMonths: null, coTeachingsBeforeLead: 0 });
  const expiry = credential?.validityMonths ? formatDate(expiryAfter(offering.endOn, credential.validityMonths)) : null;
  return (
    <>
      <ul className="usa-list">
        <li>{t('closing.judged', { count: enrolled.length, formatted: formatCount(enrolled.length) })}</li>
        {credential ? (
          <>
            <li>{t('closing.certifies', { credential: credential.name, rule: rules[0] })}</li>
            <li>{expiry ? t('closing.expiry', { date: expiry }) : t('closing.noExpiry')}</li>
          </>
        ) : (
          <li>{t('closing.noCredential')}</li>
        )}
        <li>{t('closing.others')}</li>
        <li>{t('closing.final')}</li>
      </ul>
      {missing.length > 0 && (
        <div className="usa-alert usa-alert--warning usa-alert--slim margin-bottom-2">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {t('closing.missingResults', { count: missing.length, names: missing.map((enrollment) => enrollment.person.name).join(', ') })}
            </p>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * Closing an offering certifies everyone who met the criteria, at once and for good; so the
 * page says what will happen and asks before it does it.
 */
export function CloseSection({ offering, onClosed }: { offering: OfferingDetail; onClosed: (report: CloseReport) => void }) {
  const { t } = useTranslation();
  const close = useCloseOffering(offering);
  const course = useCourse(offering.course.id);
  const credentialId = course.data?.grantsCredential?.id ?? '';
  const credential = useCredential(credentialId);
  const isLoadingRules = course.isPending || (credentialId !== '' && credential.isPending);
  const [isConfirming, setIsConfirming] = useState(false);
  const [problemKey, setProblemKey] = useState(0);
  const openButton = useRef<HTMLButtonElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const hasEnded = offering.endOn <= todayIso();
  const address = useMe().data?.publicAddress;
  // Certificates carry the address for good: while it is not public, the one closing confirms it.
  const unpublishedAddress = credentialId && address && !address.isPublic ? address.url : null;
  const [isAddressAccepted, setIsAddressAccepted] = useState(false);

  const open = () => {
    flushSync(() => setIsConfirming(true));
    confirmHeading.current?.focus();
  };
  const cancel = () => {
    flushSync(() => setIsConfirming(false));
    openButton.current?.focus();
  };
  const confirm = async () => {
    try {
      onClosed(await close.mutateAsync(unpublishedAddress ?? undefined));
    } catch {
      setProblemKey((key) => key + 1);
    }
  };

  return (
    <section aria-labelledby="close-heading" className="margin-top-5">
      <h2 id="close-heading">{t('closing.heading')}</h2>
      <p className="margin-top-0">{t('closing.lead')}</p>
      {!hasEnded && <p className="text-base-dark">{t('closing.notYet', { date: formatDate(offering.endOn) })}</p>}
      {hasEnded && !isConfirming && (
        <button ref={openButton} type="button" className="usa-button" onClick={open}>
          {t('closing.open')}
        </button>
      )}
      {hasEnded && isConfirming && (
        <div className="confirm-panel" role="group" aria-labelledby="close-confirm-heading">
          <h3 id="close-confirm-heading" ref={confirmHeading} tabIndex={-1} className="margin-top-0">
            {t('closing.confirmHeading')}
          </h3>
          {isLoadingRules ? <Loading /> : <Consequences offering={offering} credential={credential.data} />}
          {unpublishedAddress && (
            <div className="usa-alert usa-alert--warning margin-bottom-2">
              <div className="usa-alert__body">
                <h4 className="usa-alert__heading">{t('issuerSettings.address.confirmHeading', { url: unpublishedAddress })}</h4>
                <p className="usa-alert__text">{t('issuerSettings.address.confirmText', { url: unpublishedAddress })}</p>
                <div className="usa-checkbox margin-top-1 bg-transparent">
                  <input
                    id="close-accept-address"
                    type="checkbox"
                    className="usa-checkbox__input"
                    checked={isAddressAccepted}
                    onChange={(event) => setIsAddressAccepted(event.target.checked)}
                  />
                  <label className="usa-checkbox__label" htmlFor="close-accept-address">
                    {t('issuerSettings.address.confirmCheck', { url: unpublishedAddress })}
                  </label>
                </div>
              </div>
            </div>
          )}
          <ProblemAlert error={close.error} focusKey={problemKey} headingLevel="h4" />
          <div className="form-actions">
            <button
              type="button"
              className="usa-button"
              disabled={close.isPending || isLoadingRules || (unpublishedAddress !== null && !isAddressAccepted)}
              onClick={() => void confirm()}
            >
              {close.isPending ? t('closing.closing') : credentialId ? t('closing.confirm') : t('closing.confirmWithoutCredential')}
            </button>
            <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={cancel}>
              {t('closing.keepOpen')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
