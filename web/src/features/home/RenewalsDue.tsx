import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, todayIso } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAgreementsDue } from '../partnerships/api';

const WINDOW_DAYS = 90;

export function RenewalsDue() {
  const { t } = useTranslation();
  const query = useAgreementsDue(todayIso(WINDOW_DAYS));
  const agreements = query.data?.items ?? [];

  return (
    <section aria-labelledby="renewals-due-heading" className="home-panel">
      <h2 id="renewals-due-heading" className="margin-top-0">
        {t('home.renewalsHeading')}
      </h2>
      <p className="usa-hint margin-top-0">{t('home.renewalsHint', { days: WINDOW_DAYS })}</p>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
      {query.isSuccess && agreements.length === 0 && <p>{t('home.noRenewals')}</p>}
      {agreements.length > 0 && (
        <ul className="usa-list usa-list--unstyled record-list">
          {agreements.map((agreement) => (
            <li key={agreement.id} className="record-list__item">
              <Link to={`/partnerships/${agreement.partnershipId}`} className="text-bold">
                {agreement.organizationName}: {agreement.reference}
              </Link>
              <span className="record-list__meta">
                {t('home.renewalDue', { date: formatDate(agreement.renewalDueOn) })}
                {agreement.expiresOn && <> · {t('home.expires', { date: formatDate(agreement.expiresOn) })}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
