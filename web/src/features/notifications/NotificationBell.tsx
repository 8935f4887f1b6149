import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../components/count';
import { useUnreadCount } from './api';

/**
 * The header's way to notifications: a bell with the unread count. The count is part of the
 * link's name ("Notifications, 3 unread"), so it is heard as well as seen.
 */
export function NotificationBell({ className, onNavigate }: { className?: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Link
      to="/notifications"
      className={`notification-bell ${className ?? ''}`}
      aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
      onClick={onNavigate}
    >
      <svg className="usa-icon notification-bell__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22c1.1 0 2-.9 2-2h-4a2 2 0 0 0 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z"
        />
      </svg>
      <span className="notification-bell__label" aria-hidden="true">
        {t('notifications.bell')}
      </span>
      {unread > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {formatCount(unread)}
        </span>
      )}
    </Link>
  );
}
