import Bowser from 'bowser';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/schemas';
import { ConfirmButton, type RowMutation } from '../../components/ConfirmButton';
import { type Column, DataTable } from '../../components/DataTable';
import { formatInstant } from '../../components/format';

/** A browser as people name it ("Firefox 128 on Linux"), from its user agent; the whole string when it cannot be read. */
export function browserName(userAgent: string | null, t: TFunction): string {
  if (!userAgent) return t('sessions.unknownBrowser');
  const { browser, os } = Bowser.parse(userAgent);
  if (!browser.name) return userAgent;
  const named = [browser.name, browser.version?.split('.')[0]].filter(Boolean).join(' ');
  return os.name ? t('sessions.browserOn', { browser: named, system: os.name }) : named;
}

/**
 * Where a user is signed in: browser, address, when it began and was last used, this session
 * marked. Each other session can be ended; this one ends by signing out.
 */
export function SessionsTable({ sessions, caption, end }: { sessions: Session[]; caption: string; end: RowMutation }) {
  const { t } = useTranslation();
  const browser = (session: Session) => browserName(session.userAgent, t);
  const columns: Column<Session>[] = [
    {
      key: 'browser',
      header: t('sessions.fields.browser'),
      cell: (session) => (
        <>
          <span className="display-block" title={session.userAgent ?? undefined}>
            {browser(session)}
          </span>
          {session.isCurrent && <span className="usa-tag bg-green margin-top-05">{t('sessions.current')}</span>}
        </>
      ),
    },
    { key: 'ip', header: t('sessions.fields.ip'), cell: (session) => session.ip ?? t('common.notRecorded') },
    { key: 'created', header: t('sessions.fields.createdAt'), cell: (session) => formatInstant(session.createdAt) },
    { key: 'used', header: t('sessions.fields.lastUsedAt'), cell: (session) => formatInstant(session.lastUsedAt) },
    {
      key: 'action',
      header: t('sessions.fields.action'),
      cell: (session) =>
        session.isCurrent ? (
          t('sessions.endBySigningOut')
        ) : (
          <ConfirmButton
            label={t('sessions.end')}
            ariaLabel={t('sessions.endLabel', { browser: browser(session), date: formatInstant(session.lastUsedAt) })}
            question={t('sessions.confirmEnd')}
            yes={t('sessions.confirmYes')}
            no={t('sessions.confirmNo')}
            onConfirm={() => end.mutate(session.id)}
            isPending={end.isPending}
            error={end.error}
          />
        ),
    },
  ];
  return <DataTable caption={caption} isCaptionHidden columns={columns} rows={sessions} rowKey={(session) => session.id} empty={t('sessions.empty')} />;
}
