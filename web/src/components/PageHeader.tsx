import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: string;
  /** A line under the heading. */
  lead?: ReactNode;
  /** Buttons and links for the page's main actions. */
  actions?: ReactNode;
}

/**
 * The page's one h1. It carries the id the app moves focus to after each navigation, so a
 * screen reader announces the new page, and it names the browser tab.
 */
export function PageHeader({ title, lead, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  return (
    <div className="page-header margin-bottom-3">
      <div className="page-header__row">
        <div>
          <h1 id="page-heading" tabIndex={-1} className="margin-y-0">
            {title}
          </h1>
          {lead && <div className="page-header__lead margin-top-1">{lead}</div>}
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
    </div>
  );
}
