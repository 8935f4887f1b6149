import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/schemas';
import { countryName, formatCount } from '../../components/format';
import { Loading } from '../../components/Loading';

const CountriesMap = lazy(() => import('./CountriesMap').then((module) => ({ default: module.CountriesMap })));

/** The countries the program assisted in the year, shaded on a world map and listed in a table. */
export function CountriesSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { year } = dashboard.filters;
  const rows = dashboard.countriesAssisted
    .map((row) => {
      const name = countryName(row.country);
      const deployments = t('dashboard.countries.deployments', { count: row.deployments, formatted: formatCount(row.deployments) });
      const trained = t('dashboard.countries.trained', { count: row.peopleTrained, formatted: formatCount(row.peopleTrained) });
      return { ...row, name, label: t('dashboard.countries.markerLabel', { country: name, deployments, trained }) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-labelledby="countries-assisted-heading" className="dashboard-section">
      <h2 id="countries-assisted-heading" tabIndex={-1}>
        {t('dashboard.countries.heading')}
      </h2>
      {rows.length === 0 ? (
        <p className="text-base-dark">{t('dashboard.countries.empty', { year })}</p>
      ) : (
        <div className="grid-row grid-gap-lg">
          <div className="grid-col-12 desktop:grid-col-8">
            <figure className="margin-x-0 margin-top-0">
              <Suspense fallback={<Loading label={t('dashboard.mapLoading')} />}>
                <CountriesMap assisted={rows.map(({ country, label }) => ({ country, label }))} title={t('dashboard.countries.mapLabel', { year })} />
              </Suspense>
              <figcaption className="usa-hint margin-top-1">{t('dashboard.countries.mapKey')}</figcaption>
            </figure>
          </div>
          <div className="grid-col-12 desktop:grid-col-4">
            <table className="usa-table usa-table--borderless usa-table--stacked width-full margin-top-0">
              <caption>{t('dashboard.countries.caption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.countries.country')}</th>
                  <th scope="col" className="cell-number">
                    {t('dashboard.countries.deploymentsHeader')}
                  </th>
                  <th scope="col" className="cell-number">
                    {t('dashboard.countries.trainedHeader')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  return (
                    <tr key={row.country}>
                      <th scope="row" data-label={t('dashboard.countries.country')}>
                        {row.name}
                      </th>
                      <td data-label={t('dashboard.countries.deploymentsHeader')} className="cell-number">
                        {row.deployments > 0 ? (
                          <Link to={row.deploymentsLink} aria-label={t('dashboard.countries.deploymentsIn', { country: row.name, count: row.deployments, formatted: formatCount(row.deployments) })}>
                            {formatCount(row.deployments)}
                          </Link>
                        ) : (
                          formatCount(0)
                        )}
                      </td>
                      <td data-label={t('dashboard.countries.trainedHeader')} className="cell-number">
                        {row.peopleTrained > 0 ? (
                          <Link to={row.trainedLink} aria-label={t('dashboard.countries.trainedIn', { country: row.name, count: row.peopleTrained, formatted: formatCount(row.peopleTrained) })}>
                            {formatCount(row.peopleTrained)}
                          </Link>
                        ) : (
                          formatCount(row.peopleTrained)
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
