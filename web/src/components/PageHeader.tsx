import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useForeignLang } from '../language/Foreign';
import { PrintHeader } from './PrintHeader';

interface PageHeaderProps {
  title: string;
  /** A line under the heading. */
  lead?: ReactNode;
  /** Buttons and links for the page's main actions. */
  actions?: ReactNode;
  /** The filters in effect, in words, for the header of the printed page. */
  printFilters?: string | undefined;
  /** The title's own language, when it is a record's (a course title) rather than the page's words. */
  titleLang?: string | null | undefined;
}

/**
 * The page's one h1. It carries the id the app moves focus to after each navigation, so a
 * screen reader announces the new page, and it names the browser tab. On paper, the print header
 * above it says what was printed and when.
 */
export function PageHeader({ title, lead, actions, printFilters, titleLang }: PageHeaderProps) {
  const { t } = useTranslation();
  const foreign = useForeignLang(titleLang);
  const lang = titleLang ? foreign : undefined;
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  return (
    <div className="page-header margin-bottom-3">
      <PrintHeader title={title} filters={printFilters} />
      <div className="page-header__row">
        <div>
          <h1 id="page-heading" tabIndex={-1} className="margin-y-0" lang={lang}>
            {title}
          </h1>
          {lead && <div className="page-header__lead margin-top-1">{lead}</div>}
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
    </div>
  );
}
