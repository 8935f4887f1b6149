import { z } from 'zod';
import { idSchema, instantSchema, pageQuerySchema } from '../../platform/schemas.js';

export const notificationSchema = z
  .object({
    id: idSchema,
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: instantSchema,
    readAt: instantSchema.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const listNotificationsQuerySchema = pageQuerySchema.extend({
  isUnread: z.enum(['true', 'false']).optional(),
});
