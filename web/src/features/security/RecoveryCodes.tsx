import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** New recovery codes, shown this once; the panel takes focus so nobody misses it. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [codes]);
  return (
    <div className="usa-alert usa-alert--success margin-y-3">
      <div className="usa-alert__body">
        <h2 ref={ref} tabIndex={-1} className="usa-alert__heading">
          {t('security.recoveryCodesHeading')}
        </h2>
        <p className="usa-alert__text">{t('security.recoveryCodesExplanation')}</p>
        <ol className="recovery-codes" aria-label={t('security.recoveryCodesHeading')} data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
