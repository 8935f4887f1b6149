import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Assignment } from '../../api/schemas';
import { formatDate, todayIso } from '../../components/format';
import { intlLocale } from '../../language/languages';
import { groupAssignments, monthStarts, place, type TimeWindow } from './timelineScale';

interface TimelineChartProps {
  items: readonly Assignment[];
  period: TimeWindow;
  groupBy: 'person' | 'deployment';
  caption: string;
}

/**
 * Assignments as bars over a window of days, one row per person or deployment. Every bar is a link whose
 * name says everything the bar shows (who, where, status, dates), so the chart reads as lists
 * of assignments to a screen reader; the scale and today's line are drawn for the eye only.
 */
export function TimelineChart({ items, period, groupBy, caption }: TimelineChartProps) {
  const { t, i18n } = useTranslation();
  const groups = groupAssignments(items, groupBy);
  const months = monthStarts(period);
  const monthName = new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'short', timeZone: 'UTC' });
  const today = todayIso();
  const isTodayShown = today >= period.from && today <= period.to;

  return (
    <figure className="timeline" aria-labelledby="timeline-caption">
      <figcaption id="timeline-caption" className="timeline__caption">
        {caption}
      </figcaption>
      <div className="timeline__grid">
        <div className="timeline__row timeline__row--scale" aria-hidden="true">
          <span className="timeline__label" />
          <div className="timeline__track">
            {months.map((month, index) => (
              <span key={month} className={`timeline__tick ${index % 2 === 1 ? 'timeline__tick--minor' : ''}`} style={{ left: `${place(period, month, month).left}%` }}>
                {/* January shows its year instead, so a window across New Year reads right. */}
                {month.endsWith('-01-01') ? month.slice(0, 4) : monthName.format(new Date(`${month}T00:00:00Z`))}
              </span>
            ))}
          </div>
        </div>
        <ul className="timeline__rows">
          {groups.map((group) => (
            <li key={group.key} className="timeline__row">
              <Link to={group.to} className="timeline__label">
                {group.label}
              </Link>
              <div className="timeline__track">
                {isTodayShown && <span className="timeline__today" aria-hidden="true" style={{ left: `${place(period, today, today).left}%` }} />}
                {group.lanes.map((lane, laneIndex) => (
                  <ul key={laneIndex} className="timeline__lane" aria-label={t('timeline.laneLabel', { name: group.label })}>
                    {lane.map((assignment) => {
                      const { left, width } = place(period, assignment.startOn, assignment.endOn);
                      const text = groupBy === 'person' ? assignment.deploymentTitle : assignment.person.name;
                      return (
                        <li key={assignment.id} className={`timeline__bar timeline__bar--${assignment.status}`} style={{ left: `${left}%`, width: `${width}%` }}>
                          <Link to={`/deployments/${assignment.deploymentId}`} className="timeline__bar-link">
                            <span className="usa-sr-only">
                              {t('timeline.barLabel', {
                                name: assignment.person.name,
                                deployment: assignment.deploymentTitle,
                                status: t(`assignmentStatuses.${assignment.status}`),
                                from: formatDate(assignment.startOn),
                                to: formatDate(assignment.endOn),
                              })}
                            </span>
                            <span className="timeline__bar-text" aria-hidden="true">
                              {text}
                            </span>
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                ))}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
