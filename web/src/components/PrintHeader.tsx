import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatInstant } from './instant';

/**
 * Whether the page is being printed, and since when. Browsers announce printing with
 * `beforeprint` (and apply the print media query), then lay the page out at once, so the
 * header is rendered synchronously then; on screen it is not in the page at all, so nothing
 * reads its text twice (the page's title is also its h1).
 */
let printingSince: string | null = null;
// Not every environment has matchMedia (a test's DOM): there only the print events count.
const printMedia = (): MediaQueryList | null => (typeof window.matchMedia === 'function' ? window.matchMedia('print') : null);

function subscribe(onChange: () => void): () => void {
  let printing = false;
  const media = printMedia();
  const refresh = () => {
    const next = media?.matches || printing ? (printingSince ?? new Date().toISOString()) : null;
    const changed = next !== printingSince;
    printingSince = next;
    return changed;
  };
  // Printing lays the page out right after these events, so the header must be rendered now.
  const update = () => {
    if (refresh()) flushSync(onChange);
  };
  const before = () => {
    printing = true;
    update();
  };
  const after = () => {
    printing = false;
    update();
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  // Older engines only have the deprecated addListener; a test's stand-in may have neither.
  if (typeof media?.addEventListener === 'function') media.addEventListener('change', update);
  else if (typeof media?.addListener === 'function') media.addListener(update);
  // React reads the snapshot again once subscribed, so a page opened while printing shows it.
  refresh();
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    if (typeof media?.removeEventListener === 'function') media.removeEventListener('change', update);
    else if (typeof media?.removeListener === 'function') media.removeListener(update);
  };
}

function usePrintingSince(): string | null {
  return useSyncExternalStore(subscribe, () => printingSince);
}

/**
 * What a printed page says at its top, and only on paper: the office's application, what is
 * printed, the filters it was printed with when it has some, and when it was printed.
 */
export function PrintHeader({ title, filters }: { title: string; filters?: string | undefined }) {
  const { t } = useTranslation();
  const printedAt = usePrintingSince();
  if (printedAt === null) return null;
  return (
    <div className="print-header" data-testid="print-header">
      <p className="print-header__issuer">{t('print.issuer', { name: t('app.name'), tagline: t('app.tagline') })}</p>
      <p className="print-header__title">{title}</p>
      {filters && <p>{t('print.filters', { filters })}</p>}
      <p>{t('print.printedAt', { date: formatInstant(printedAt) })}</p>
    </div>
  );
}
