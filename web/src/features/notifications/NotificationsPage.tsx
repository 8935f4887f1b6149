import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../api/schemas';
import { formatCount, formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMarkAllRead, useMarkRead, useNotificationList, useUnreadCount } from './api';

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const isUnread = notification.readAt === null;
  return (
    <li className={`notification ${isUnread ? 'notification--unread' : ''}`}>
      <div className="notification__body">
        <h2 id={`notification-${notification.id}`} tabIndex={-1} className="notification__title">
          {isUnread && <span className="usa-tag status-tag bg-primary">{t('notifications.new')}</span>}{' '}
          {notification.link ? <Link to={notification.link}>{notification.title}</Link> : notification.title}
        </h2>
        <p className="margin-y-05">{notification.body}</p>
        <p className="notification__meta">{formatInstant(notification.createdAt)}</p>
      </div>
      {isUnread && (
        <button
          type="button"
          className="usa-button usa-button--outline usa-button--small"
          aria-label={t('notifications.markReadLabel', { title: notification.title })}
          disabled={markRead.isPending}
          // The button goes once it is read: focus stays with the notice rather than the page's start.
          onClick={() => markRead.mutate(notification.id, { onSuccess: () => document.getElementById(`notification-${notification.id}`)?.focus() })}
        >
          {t('notifications.markRead')}
        </button>
      )}
      {markRead.isError && <ProblemAlert error={markRead.error} headingLevel="h3" />}
    </li>
  );
}

/** Reminders the app sends each user (certifications running out, among others), newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const query = useNotificationList();
  const unread = useUnreadCount().data ?? 0;
  const markAll = useMarkAllRead();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
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
      {items.length > 0 && (
        <ul className="notification-list">
          {items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <button type="button" className="usa-button usa-button--outline margin-top-2" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? t('table.loadingMore') : t('table.loadMore')}
        </button>
      )}
    </>
  );
}
