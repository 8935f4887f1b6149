import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatches } from 'react-router';
import { useCan, useCurrentUser, useMe } from '../api/session';
import { Main } from './Main';
import { accountArea, type AreaId, areasFor, type NavLinkItem } from './navigation';
import { FlashNotice } from '../components/FlashNotice';
import { Forbidden } from './Forbidden';
import { PublicAddressAlert } from '../features/issuers/PublicAddressAlert';

function isCurrentLink(link: NavLinkItem, pathname: string, search: string): boolean {
  const [path, query] = link.to.split('?');
  if (query !== undefined) {
    const wanted = new URLSearchParams(query);
    const actual = new URLSearchParams(search);
    return path === pathname && [...wanted].every(([key, value]) => actual.get(key) === value);
  }
  return link.isEnd ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * An area of the app: its side navigation beside the page. On a phone the page comes first
 * and the side navigation follows it. A page that some roles reach from another area (a
 * coordinator opens one of their people's cascade from the roster) names that area as fallback.
 */
export function AreaLayout({ area: areaId, fallback }: { area: AreaId; fallback?: AreaId }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isHeld = Boolean(useMe().data?.mustEnrolSecondFactor);
  const { pathname, search } = useLocation();
  const can = useCan();
  const areas = areasFor(user, t, can);
  const area =
    areaId === 'account' ? accountArea(t) : (areas.find((candidate) => candidate.id === areaId) ?? areas.find((candidate) => candidate.id === fallback));
  const isWide = useMatches().some((match) => (match.handle as { isWide?: boolean } | undefined)?.isWide);
  const hasSideNav = Boolean(area && area.links.length > 0 && !user.mustChangePassword && !isHeld && !isWide);

  return (
    <div className="grid-container-widescreen padding-y-4">
      <div className="grid-row grid-gap-lg">
        {area && hasSideNav && (
          <nav aria-label={t('nav.areaLabel', { area: area.label })} className="grid-col-12 desktop:grid-col-3 order-1 desktop:order-0 margin-top-4 desktop:margin-top-0">
            <ul className="usa-sidenav">
              {area.links.map((link) => {
                const isCurrent = isCurrentLink(link, pathname, search);
                return (
                  <li key={link.to} className="usa-sidenav__item">
                    <Link to={link.to} className={isCurrent ? 'usa-current' : undefined} aria-current={isCurrent ? 'page' : undefined}>
                      {link.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        <Main className={`grid-col-12 order-0 ${hasSideNav ? 'desktop:grid-col-9 desktop:order-1' : ''}`}>
          <PublicAddressAlert />
          <FlashNotice />
          {area ? <Outlet /> : <Forbidden />}
        </Main>
      </div>
    </div>
  );
}
