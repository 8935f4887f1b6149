import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { idSchema, pageSchema } from '../../platform/schemas.js';
import { requiredVersion, withEtag } from '../../platform/http/versioning.js';
import { listNotificationsQuerySchema, notificationSchema, notificationSettingsSchema, updateNotificationSettingsSchema } from './notifications.schemas.js';
import type { NotificationsService } from './notifications.service.js';

const unreadSchema = z.object({ unread: z.number().int() });

export function notificationsRoutes(deps: { notifications: NotificationsService }) {
  const { notifications } = deps;
  return (app: App) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Your notifications, newest first, with the unread count',
          querystring: listNotificationsQuerySchema,
          response: { 200: pageSchema(notificationSchema).extend(unreadSchema.shape) },
        },
      },
      async (request) => notifications.list(contextOf(request), request.query, request.locale),
    );
    app.get(
      '/notifications/settings',
      { schema: { tags: ['notifications'], summary: 'Your notification settings: whether a daily digest is mailed to you', response: { 200: notificationSettingsSchema } } },
      async (request, reply) => withEtag(reply, await notifications.settings(contextOf(request))),
    );
    app.put(
      '/notifications/settings',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Turn your daily digest mail on or off (If-Match: the version you read)',
          body: updateNotificationSettingsSchema,
          response: { 200: notificationSettingsSchema },
        },
      },
      async (request, reply) => withEtag(reply, await notifications.updateSettings(contextOf(request), requiredVersion(request), request.body)),
    );
    app.post(
      '/notifications/:id/read',
      { schema: { tags: ['notifications'], summary: 'Mark one notification read', params: z.object({ id: idSchema }), response: { 200: unreadSchema } } },
      async (request) => notifications.markRead(contextOf(request), request.params.id),
    );
    app.post(
      '/notifications/read',
      { schema: { tags: ['notifications'], summary: 'Mark all your notifications read', response: { 200: unreadSchema } } },
      async (request) => notifications.markRead(contextOf(request)),
    );
  };
}
