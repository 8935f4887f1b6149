import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatInstant } from './format';

/** The moment of printing: taken again as the browser prepares to print, not when the page loaded. */
function usePrintedAt(): string {
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    // Printing lays the page out right after this event, so the new time must be rendered now.
    const update = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return printedAt;
}

/**
 * What a printed page says at its top, and only on paper (print.css shows it): the office's
 * application, what is printed, the filters it was printed with when it has some, and when.
 */
export function PrintHeader({ title, filters }: { title: string; filters?: string | undefined }) {
  const { t } = useTranslation();
  const printedAt = usePrintedAt();
  return (
    <div className="print-header" data-testid="print-header">
      <p className="print-header__issuer">{t('print.issuer', { name: t('app.name'), tagline: t('app.tagline') })}</p>
      <p className="print-header__title">{title}</p>
      {filters && <p>{t('print.filters', { filters })}</p>}
      <p>{t('print.printedAt', { date: formatInstant(printedAt) })}</p>
    </div>
  );
}
