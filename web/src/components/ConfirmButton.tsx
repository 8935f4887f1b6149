import { useState } from 'react';
import { ProblemAlert } from './ProblemAlert';

/** What a row's action runs: a React Query mutation taking the row's id. */
export interface RowMutation {
  mutate: (id: string) => void;
  isPending: boolean;
  error: unknown;
}

interface ConfirmButtonProps {
  /** The button's text, and its accessible name when it needs to say more (which token, which session). */
  label: string;
  ariaLabel?: string;
  /** The question asked before acting, and the two answers. */
  question: string;
  yes: string;
  no: string;
  onConfirm: () => void;
  isPending: boolean;
  error: unknown;
}

/** A button for something that cannot be undone: it asks first, then acts. */
export function ConfirmButton({ label, ariaLabel, question, yes, no, onConfirm, isPending, error }: ConfirmButtonProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  if (!isConfirming) {
    return (
      <button type="button" className="usa-button usa-button--outline" aria-label={ariaLabel} onClick={() => setIsConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={question}>
      <p className="margin-top-0">{question}</p>
      <button type="button" className="usa-button usa-button--secondary" disabled={isPending} onClick={onConfirm}>
        {yes}
      </button>
      <button type="button" className="usa-button usa-button--unstyled" onClick={() => setIsConfirming(false)}>
        {no}
      </button>
      {Boolean(error) && <ProblemAlert error={error} headingLevel="h3" />}
    </div>
  );
}
