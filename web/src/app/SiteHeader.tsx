import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCan, useMe } from '../api/session';
import { type Area, areasFor } from './navigation';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { SearchBox } from '../features/search/SearchBox';
import { LanguageSwitch } from '../language/LanguageSwitch';
import { SignOutButton } from './SignOutButton';

/** `/organizations/01…/edit` → `/organizations`: the area a path belongs to. */
function sectionOf(path: string): string {
  return `/${path.split('?')[0]?.split('/')[1] ?? ''}`;
}

/** Keeps Tab inside the open mobile menu, as a modal panel should. */
function trapTab(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}

/** The USWDS extended header: the language, the areas of the signed-in role, the search, their account and sign-out. */
export function SiteHeader() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { pathname } = useLocation();
  const [isOpen, setIsOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (isOpen) closeButton.current?.focus();
  }, [isOpen]);

  const close = (returnFocus: boolean) => {
    setIsOpen(false);
    if (returnFocus) menuButton.current?.focus();
  };
  // Someone held to change their password or enrol a second factor is shown no menus to go elsewhere.
  const user = me?.user && !me.user.mustChangePassword && !me.mustEnrolSecondFactor ? me.user : null;
  const can = useCan();
  const areas = user ? areasFor(user, t, can) : [];
  const isCurrent = (area: Area) =>
    area.to === '/' ? pathname === '/' : [area.to, ...(area.sections ?? [])].some((to) => sectionOf(pathname) === sectionOf(to));

  return (
    <>
      <div className={`usa-overlay ${isOpen ? 'is-visible' : ''}`} onClick={() => close(true)} aria-hidden="true" />
      <header className="usa-header usa-header--extended site-header">
        <div className="usa-navbar">
          <div className="usa-logo">
            <em className="usa-logo__text">
              <Link to="/">{t('app.name')}</Link>
            </em>
            <span className="site-header__tagline">{t('app.tagline')}</span>
          </div>
          {/* Under the open mobile menu it could be neither seen nor reached. */}
          {!isOpen && <LanguageSwitch className="language-switch--navbar" />}
          {user && <NotificationBell className="notification-bell--navbar" />}
          {me && (
            <button ref={menuButton} type="button" className="usa-menu-btn" aria-expanded={isOpen} aria-controls="site-nav" onClick={() => setIsOpen(true)}>
              {t('nav.menu')}
            </button>
          )}
        </div>
        {me && (
          <nav
            id="site-nav"
            aria-label={t('nav.primaryLabel')}
            className={`usa-nav ${isOpen ? 'is-visible' : ''}`}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && isOpen) close(true);
              else if (isOpen) trapTab(event);
            }}
          >
            <div className="usa-nav__inner">
              <button ref={closeButton} type="button" className="usa-nav__close" aria-label={t('nav.close')} onClick={() => close(true)}>
                <svg className="usa-icon usa-icon--size-3" aria-hidden="true" focusable="false" viewBox="0 0 24 24">
                  <path fill="currentColor" d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z" />
                </svg>
              </button>
              <ul className="usa-nav__primary usa-accordion">
                {areas.map((area) => (
                  <li key={area.id} className="usa-nav__primary-item">
                    <Link
                      to={area.to}
                      className={`usa-nav__link ${isCurrent(area) ? 'usa-current' : ''}`}
                      aria-current={isCurrent(area) ? (pathname === area.to ? 'page' : 'true') : undefined}
                      onClick={() => close(false)}
                    >
                      <span>{area.label}</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <div className="usa-nav__secondary site-header__secondary">
                {user && <SearchBox onNavigate={() => close(false)} />}
                <ul className="usa-nav__secondary-links">
                  {user && (
                    <li className="usa-nav__secondary-item site-header__bell">
                      <NotificationBell onNavigate={() => close(false)} />
                    </li>
                  )}
                  <li className="usa-nav__secondary-item site-header__user">{me.user.name}</li>
                  {user && (
                    <li className="usa-nav__secondary-item">
                      <Link to="/account/tokens" onClick={() => close(false)}>
                        {t('nav.account')}
                      </Link>
                    </li>
                  )}
                  <li className="usa-nav__secondary-item">
                    <SignOutButton />
                  </li>
                </ul>
              </div>
            </div>
          </nav>
        )}
      </header>
    </>
  );
}
