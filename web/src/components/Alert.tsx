import type { ReactNode } from 'react';

interface AlertProps {
  type: 'success' | 'warning' | 'error' | 'info';
  heading?: ReactNode;
  headingLevel?: 'h2' | 'h3' | 'h4';
  isSlim?: boolean;
  /** `status` for news that should be announced politely, `alert` for errors. */
  role?: 'status' | 'alert';
  className?: string;
  children?: ReactNode;
}

/** The USWDS alert, as plain markup (the component library's bundle is far larger than this). */
export function Alert({ type, heading, headingLevel: Heading = 'h2', isSlim, role, className, children }: AlertProps) {
  return (
    <div className={`usa-alert usa-alert--${type} ${isSlim ? 'usa-alert--slim' : ''} ${className ?? ''}`} role={role}>
      <div className="usa-alert__body">
        {heading && <Heading className="usa-alert__heading">{heading}</Heading>}
        {children && <div className="usa-alert__text">{children}</div>}
      </div>
    </div>
  );
}
