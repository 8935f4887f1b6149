/** The notifications area's pages: the router loads them together, as one chunk, when one is first visited. */
export { NotificationSettingsPage } from './NotificationSettingsPage';
export { NotificationsPage } from './NotificationsPage';
