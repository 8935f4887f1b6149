import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useAccountLanguage } from '../language/account';
import { NavigationStatus } from './PageLoading';
import { PublicHeader } from './PublicHeader';
import { SiteHeader } from './SiteHeader';

/** After each navigation to another page, focus its heading so that it is announced. */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('page-heading')?.focus({ preventScroll: true });
  }, [pathname]);
}

/** Every page: the skip link, a header (the public pages have their own) and the page. */
export function AppShell({ isPublic = false }: { isPublic?: boolean }) {
  const { t } = useTranslation();
  useFocusHeadingOnNavigation();
  useAccountLanguage();
  return (
    <>
      <a
        className="usa-skipnav"
        href="#main-content"
        onClick={(event) => {
          // Focus the main region without touching the router's URL.
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      {isPublic ? <PublicHeader /> : <SiteHeader />}
      <NavigationStatus />
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
