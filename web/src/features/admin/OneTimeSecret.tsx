import { type ReactNode, useEffect, useRef } from 'react';

interface OneTimeSecretProps {
  heading: string;
  explanation: string;
  label: string;
  secret: string;
  children?: ReactNode;
}

/**
 * A secret the API shows exactly once (a one-time password, an API token). It takes focus when
 * it appears so that nobody misses it.
 */
export function OneTimeSecret({ heading, explanation, label, secret, children }: OneTimeSecretProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [secret]);
  return (
    <div className="usa-alert usa-alert--success margin-bottom-3">
      <div className="usa-alert__body">
        <h2 ref={ref} tabIndex={-1} className="usa-alert__heading">
          {heading}
        </h2>
        <p className="usa-alert__text">{explanation}</p>
        <p className="margin-bottom-0">
          <span className="display-block text-bold">{label}</span>
          <code className="one-time-secret" data-testid="one-time-secret">
            {secret}
          </code>
        </p>
        {children}
      </div>
    </div>
  );
}
