import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OfferingDetail } from '../../api/schemas';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCancelOffering } from './api';

/** Cancelling cannot be undone, so it is asked for twice: the button, then a confirmation. */
export function CancelOffering({ offering }: { offering: OfferingDetail }) {
  const { t } = useTranslation();
  const cancel = useCancelOffering(offering);
  const [isConfirming, setIsConfirming] = useState(false);
  const [problemKey, setProblemKey] = useState(0);
  const openButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const open = () => {
    flushSync(() => setIsConfirming(true));
    heading.current?.focus();
  };
  const keep = () => {
    flushSync(() => setIsConfirming(false));
    openButton.current?.focus();
  };
  const confirm = async () => {
    try {
      await cancel.mutateAsync();
      // The page now shows a cancelled offering; its heading takes focus so the change is heard.
      document.getElementById('page-heading')?.focus();
    } catch {
      setProblemKey((key) => key + 1);
    }
  };

  return (
    <section aria-labelledby="cancel-heading" className="margin-top-5">
      <h2 id="cancel-heading">{t('offerings.cancelHeading')}</h2>
      {!isConfirming ? (
        <button ref={openButton} type="button" className="usa-button usa-button--secondary" onClick={open}>
          {t('offerings.cancel')}
        </button>
      ) : (
        <div className="confirm-panel confirm-panel--danger" role="group" aria-labelledby="cancel-confirm-heading">
          <h3 id="cancel-confirm-heading" ref={heading} tabIndex={-1} className="margin-top-0">
            {t('offerings.cancelConfirmHeading')}
          </h3>
          <p>{t('offerings.cancelExplanation', { count: offering.enrollments.length })}</p>
          <ProblemAlert error={cancel.error} focusKey={problemKey} headingLevel="h4" />
          <div className="form-actions">
            <button type="button" className="usa-button usa-button--secondary" disabled={cancel.isPending} onClick={() => void confirm()}>
              {t('offerings.cancelConfirm')}
            </button>
            <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={keep}>
              {t('offerings.keepScheduled')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
