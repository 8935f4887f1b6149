import { z } from 'zod';
import { idSchema, instantSchema, pageQuerySchema } from '../../platform/schemas.js';

/** What a notice tells of. */
export const NOTICE_KINDS = ['task.overdue', 'agreement.renewal_due', 'certification.expiring', 'vetting.waiting', 'import.finished', 'report.finished'] as const;
export const noticeKindSchema = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

export const notificationSchema = z
  .object({
    id: idSchema,
    kind: noticeKindSchema,
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

export const notificationSettingsSchema = z
  .object({
    isDigestOn: z.boolean().describe('Whether a daily mail gathers your unread notifications.'),
    isMailConfigured: z.boolean().describe('Whether this Cadre sends mail at all (SMTP is configured).'),
    lastDigestOn: z.string().nullable().describe('The day your last digest was sent, if one was.'),
    version: z.number().int(),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const updateNotificationSettingsSchema = z.strictObject({ isDigestOn: z.boolean() });
export type UpdateNotificationSettingsInput = z.infer<typeof updateNotificationSettingsSchema>;
