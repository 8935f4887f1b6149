import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';

interface ConfirmButtonProps {
  label: string;
  /** The button's accessible name, when the label alone does not say what it acts on. */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

/** A button that asks before it acts (removing a factor, replacing the recovery codes). */
export function ConfirmButton({ label, ariaLabel, question, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [isAsking, setIsAsking] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!isAsking) {
    return (
      <button type="button" className="usa-button usa-button--outline" aria-label={ariaLabel} onClick={() => setIsAsking(true)}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setIsBusy(true);
    setError(null);
    try {
      await onConfirm();
      setIsAsking(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <div role="group" aria-label={question}>
      <p className="margin-top-0">{question}</p>
      <button type="button" className="usa-button usa-button--secondary" disabled={isBusy} onClick={() => void confirm()}>
        {confirmLabel}
      </button>
      <button type="button" className="usa-button usa-button--unstyled" onClick={() => setIsAsking(false)}>
        {t('common.cancel')}
      </button>
      {error !== null && <ProblemAlert error={error} headingLevel="h3" />}
    </div>
  );
}
