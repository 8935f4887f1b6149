import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../api/schemas';
import { formatCount, formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMarkAllRead, useMarkRead, useNotificationList, useUnreadCount } from './api';

/** Whether an instant falls on the user's own today (their time zone, as the page shows times). */
function isToday(instant: string, now = new Date()): boolean {
  return new Date(instant).toDateString() === now.toDateString();
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const isUnread = notification.readAt === null;
  const headingId = `notification-${notification.id}`;
  // Heard, not seen (the New tag shows it): whether the notice is unread, with its title.
  const unreadSuffix = isUnread && <span className="usa-sr-only">{` ${t('notifications.unreadSuffix')}`}</span>;
  return (
    <li className={`notification ${isUnread ? 'notification--unread' : ''}`}>
      <div className="notification__body">
        <h3 id={headingId} tabIndex={-1} className="notification__title">
          {isUnread && (
            <>
              <span className="usa-tag status-tag bg-primary" aria-hidden="true">
                {t('notifications.new')}
              </span>{' '}
            </>
          )}
          {notification.link ? (
            // Opening the record is reading the notice.
            <Link to={notification.link} onClick={() => isUnread && markRead.mutate(notification.id)}>
              {notification.title}
              {unreadSuffix}
            </Link>
          ) : (
            <>
              {notification.title}
              {unreadSuffix}
            </>
          )}
        </h3>
        <p className="margin-y-05">{notification.body}</p>
        <p className="notification__meta">
          <time dateTime={notification.createdAt}>{formatInstant(notification.createdAt)}</time>
        </p>
      </div>
      {isUnread && (
        <button
          type="button"
          className="usa-button usa-button--outline usa-button--small"
          aria-label={t('notifications.markReadLabel', { title: notification.title })}
          disabled={markRead.isPending}
          // The button goes once it is read: focus stays with the notice rather than the page's start.
          onClick={() => markRead.mutate(notification.id, { onSuccess: () => document.getElementById(headingId)?.focus() })}
        >
          {t('notifications.markRead')}
        </button>
      )}
      {markRead.isError && <ProblemAlert error={markRead.error} headingLevel="h4" />}
    </li>
  );
}

function NotificationGroup({ id, heading, items }: { id: string; heading: string; items: Notification[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="margin-bottom-4">
      <h2 id={id} className="margin-bottom-1">
        {heading}
      </h2>
      <ul className="notification-list" aria-labelledby={id}>
        {items.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} />
        ))}
      </ul>
    </section>
  );
}

/**
 * What the app tells each user (follow-ups overdue, renewals due, certifications running out,
 * vetting waiting, imports and reports finished), newest first, today's apart from earlier ones.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const query = useNotificationList();
  const unread = useUnreadCount().data ?? 0;
  const markAll = useMarkAllRead();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const today = items.filter((n) => isToday(n.createdAt));
  const earlier = items.filter((n) => !isToday(n.createdAt));
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        lead={unread > 0 ? t('notifications.unreadLead', { count: unread, formatted: formatCount(unread) }) : t('notifications.allRead')}
        actions={
          unread > 0 && (
            <button type="button" className="usa-button usa-button--outline" disabled={markAll.isPending} onClick={() => markAll.mutate(undefined, { onSuccess: () => document.getElementById('page-heading')?.focus() })}>
              {t('notifications.markAllRead')}
            </button>
          )
        }
      />
      {markAll.isError && <ProblemAlert error={markAll.error} />}
      {query.isPending && <Loading />}
      {query.isError && !query.data && <ProblemAlert error={query.error} />}
      {query.data && items.length === 0 && <p className="text-base-dark">{t('notifications.empty')}</p>}
      <NotificationGroup id="notifications-today" heading={t('notifications.today')} items={today} />
      <NotificationGroup id="notifications-earlier" heading={t('notifications.earlier')} items={earlier} />
      {query.hasNextPage && (
        <button type="button" className="usa-button usa-button--outline margin-top-2" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? t('table.loadingMore') : t('table.loadMore')}
        </button>
      )}
      <p className="margin-top-4">
        <Link to="/account/notifications">{t('notifications.settingsLink')}</Link>
      </p>
    </>
  );
}
