import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/session';
import { LanguageSwitch } from '../language/LanguageSwitch';
import { PUBLIC_PATH } from './publicPages';

/**
 * The header of the public pages: no areas, which all need a session, and no menu to open, so
 * it reads the same on a phone; the language can be chosen there too. Someone signed in is offered the way back to their work.
 */
export function PublicHeader() {
  const { t } = useTranslation();
  const isSignedIn = Boolean(useMe().data);
  return (
    <header className="usa-header usa-header--basic public-header">
      <div className="public-header__inner">
        <div className="usa-logo public-header__logo">
          <em className="usa-logo__text">
            <Link to={PUBLIC_PATH}>{t('app.name')}</Link>
          </em>
          <span className="site-header__tagline">{t('publicHeader.tagline')}</span>
        </div>
        <LanguageSwitch />
        <nav aria-label={t('publicHeader.label')}>
          <ul className="usa-list usa-list--unstyled public-header__links">
            <li>
              <Link to={PUBLIC_PATH}>{t('publicHeader.checkFile')}</Link>
            </li>
            <li>{isSignedIn ? <Link to="/">{t('publicHeader.backToCadre')}</Link> : <Link to="/sign-in">{t('publicHeader.signIn')}</Link>}</li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
