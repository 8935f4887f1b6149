import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type NotificationSettings, updateNotificationSettingsSchema } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { Form } from '../../components/form/Form';
import { CheckboxField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useNotificationSettings, useUpdateNotificationSettings } from './api';

function DigestForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const update = useUpdateNotificationSettings();
  const [saved, setSaved] = useState<boolean | null>(null);
  const form = useForm({
    defaultValues: { isDigestOn: settings.isDigestOn },
    resolver: apiResolver({ schema: updateNotificationSettingsSchema, toRequest: (values: { isDigestOn: boolean }) => ({ isDigestOn: values.isDigestOn }) }),
    shouldFocusError: false,
  });
  return (
    <>
      {saved !== null && (
        <Alert type="success" isSlim role="status" className="margin-bottom-2">
          {saved ? t('notifications.settings.savedOn') : t('notifications.settings.savedOff')}
        </Alert>
      )}
      <Form
        form={form}
        idPrefix="notification-settings"
        labels={{ isDigestOn: t('notifications.settings.isDigestOn') }}
        hasRequiredNote={false}
        submitLabel={t('notifications.settings.save')}
        onSubmit={async (body) => {
          setSaved(null);
          const next = await update.mutateAsync({ ...body, version: settings.version });
          setSaved(next.isDigestOn);
        }}
      >
        <CheckboxField name="isDigestOn" hint={t('notifications.settings.isDigestOnHint')} />
      </Form>
    </>
  );
}

/** A user's own choice about mail: one digest a day of their unread notifications, or none. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const query = useNotificationSettings();
  const settings = query.data;
  return (
    <>
      <PageHeader title={t('notifications.settings.title')} lead={t('notifications.settings.lead')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {settings && !settings.isMailConfigured && (
        <Alert type="info" isSlim className="margin-bottom-2">
          {t('notifications.settings.noMail')}
        </Alert>
      )}
      {settings?.lastDigestOn && <p>{t('notifications.settings.lastDigest', { date: formatDate(settings.lastDigestOn) })}</p>}
      {/* Keyed by version: a saved choice becomes the form's starting point. */}
      {settings && <DigestForm key={settings.version} settings={settings} />}
      <p className="margin-top-4">
        <Link to="/notifications">{t('notifications.settings.back')}</Link>
      </p>
    </>
  );
}
