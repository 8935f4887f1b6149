import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useVettingQueue } from '../vetting/api';

/** Vetting cases waiting for a result, and clearances that lapse before their holder's course. */
export function VettingPending() {
  const { t } = useTranslation();
  const query = useVettingQueue();
  const pending = query.data?.pending.length ?? 0;
  const lapsing = query.data?.expiringBeforeNextOffering.length ?? 0;
  return (
    <section aria-labelledby="vetting-pending-heading" className="home-panel">
      <h2 id="vetting-pending-heading" className="margin-top-0">
        {t('home.vettingHeading')}
      </h2>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
      {query.data && (
        <ul className="usa-list usa-list--unstyled">
          <li className="home-panel__count">
            <span className="home-panel__figure">{formatCount(pending)}</span> {t('home.vettingPending', { count: pending })}
          </li>
          <li className="home-panel__count">
            <span className="home-panel__figure">{formatCount(lapsing)}</span> {t('home.vettingLapsing', { count: lapsing })}
          </li>
        </ul>
      )}
      <Link to="/vetting">{t('home.openVetting')}</Link>
    </section>
  );
}
