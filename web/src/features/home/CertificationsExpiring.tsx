import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EXPIRING_WITHIN_DAYS, useCertificationList } from '../certifications/api';

/** The count comes from one page of the list: the API has no total, and this many is plenty to say. */
const COUNTED = 200;
const SHOWN = 5;

export function CertificationsExpiring() {
  const { t } = useTranslation();
  const query = useCertificationList({ expiringWithinDays: EXPIRING_WITHIN_DAYS, limit: COUNTED });
  const page = query.data?.pages[0];
  const items = page?.items ?? [];
  const count = page?.nextCursor ? t('home.atLeast', { figure: formatCount(items.length) }) : formatCount(items.length);
  const soonest = [...items].sort((a, b) => (a.expiresOn ?? '').localeCompare(b.expiresOn ?? '')).slice(0, SHOWN);

  return (
    <section aria-labelledby="expiring-heading" className="home-panel">
      <h2 id="expiring-heading" className="margin-top-0">
        {t('home.expiringHeading', { days: EXPIRING_WITHIN_DAYS })}
      </h2>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
      {page && items.length === 0 && <p>{t('home.noneExpiring', { days: EXPIRING_WITHIN_DAYS })}</p>}
      {page && items.length > 0 && (
        <p className="home-panel__count">
          <span className="home-panel__figure">{count}</span> {t('home.expiringCount', { count: items.length })}
        </p>
      )}
      {soonest.length > 0 && (
        <ul className="usa-list usa-list--unstyled record-list">
          {soonest.map((certification) => (
            <li key={certification.id} className="record-list__item">
              <Link to={`/certifications/${certification.id}`} className="text-bold">
                {certification.person.name}: {certification.credential.name}
              </Link>
              <span className="record-list__meta">{t('home.certificationExpires', { date: formatDate(certification.expiresOn) })}</span>
            </li>
          ))}
        </ul>
      )}
      <Link to="/certifications/expiring">{t('home.allExpiring')}</Link>
    </section>
  );
}
