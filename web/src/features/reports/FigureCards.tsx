import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/schemas';
import { formatCount } from '../../components/format';

interface Figure {
  key: string;
  label: string;
  value: string;
  /** Where the records behind the figure are listed. */
  to: string;
  note?: ReactNode;
}

/**
 * The key figures as cards, each a link to the list of its records (with the filters the
 * figure was counted under); a card's smaller lines say what the number counts.
 */
export function FigureCards({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const year = dashboard.filters.year;
  const { deployments, instructors, cascade } = dashboard;
  const figures: Figure[] = [
    { key: 'partners', label: t('dashboard.figures.partners'), value: formatCount(dashboard.partners.total), to: dashboard.partners.link, note: t('dashboard.figures.partnersNote', { year }) },
    { key: 'engagements', label: t('dashboard.figures.engagements'), value: formatCount(dashboard.engagements.count), to: dashboard.engagements.link, note: t('dashboard.figures.engagementsNote', { year }) },
    { key: 'overdue', label: t('dashboard.figures.overdue'), value: formatCount(dashboard.overdueFollowUps.count), to: dashboard.overdueFollowUps.link, note: t('dashboard.figures.overdueNote', { year }) },
    {
      key: 'deployments',
      label: t('dashboard.figures.deployments'),
      value: formatCount(deployments.count),
      to: deployments.link,
      note: (
        <>
          <Link to={deployments.inCountryLink} className="display-block">
            {t('dashboard.figures.inCountryNow', { count: deployments.inCountryNow, formatted: formatCount(deployments.inCountryNow) })}
          </Link>
          <Link to={deployments.personDaysLink} className="display-block">
            {t('dashboard.figures.personDays', { count: deployments.personDays, formatted: formatCount(deployments.personDays), year })}
          </Link>
        </>
      ),
    },
    {
      key: 'instructors',
      label: t('dashboard.figures.instructors'),
      value: formatCount(instructors.active),
      to: instructors.link,
      note: (
        <>
          <span className="display-block">{t('dashboard.figures.instructorsNote', { year })}</span>
          <Link to={instructors.expiringLink}>
            {t('dashboard.figures.expiring', { count: instructors.expiringWithin90Days, formatted: formatCount(instructors.expiringWithin90Days) })}
          </Link>
        </>
      ),
    },
    {
      key: 'trained',
      label: t('dashboard.figures.trained'),
      value: formatCount(dashboard.trained.total),
      to: dashboard.trained.link,
      note: t('dashboard.figures.trainedNote', { count: dashboard.trained.byCountry.length, formatted: formatCount(dashboard.trained.byCountry.length), year }),
    },
    {
      key: 'multiplier',
      label: t('dashboard.figures.multiplier'),
      value: cascade.multiplier === null ? t('cascade.noMultiplier') : t('cascade.times', { value: cascade.multiplier }),
      to: cascade.link,
      note: t('dashboard.figures.multiplierNote', { count: cascade.totalTrained, formatted: formatCount(cascade.totalTrained) }),
    },
    {
      key: 'countries',
      label: t('dashboard.figures.countries'),
      value: formatCount(dashboard.countriesAssisted.length),
      to: '#countries-assisted-heading',
      note: t('dashboard.figures.countriesNote', { year }),
    },
  ];

  return (
    <ul className="figure-cards usa-list--unstyled">
      {figures.map((figure) => (
        <li key={figure.key} className="figure-card">
          {figure.to.startsWith('#') ? (
            <a href={figure.to} className="figure-card__link" aria-label={`${figure.label}: ${figure.value}`}>
              <FigureText figure={figure} />
            </a>
          ) : (
            <Link to={figure.to} className="figure-card__link" aria-label={`${figure.label}: ${figure.value}`}>
              <FigureText figure={figure} />
            </Link>
          )}
          {figure.note && <div className="figure-card__note">{figure.note}</div>}
        </li>
      ))}
    </ul>
  );
}

/** The label over a large number to the eye; the link's name reads "Partners: 7" to a screen reader. */
function FigureText({ figure }: { figure: Figure }) {
  return (
    <>
      <span className="figure-card__label">{figure.label}</span>
      <span className="figure-card__value">{figure.value}</span>
    </>
  );
}
