import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/schemas';
import { ConfirmButton, type RowMutation } from '../../components/ConfirmButton';
import { type Column, DataTable } from '../../components/DataTable';
import { formatInstant } from '../../components/format';

/** API tokens with what each may do, until when, and where it was last used; revocable. */
export function TokensTable({ tokens, caption, revoke }: { tokens: ApiToken[]; caption: string; revoke: RowMutation }) {
  const { t } = useTranslation();
  const scope = (token: ApiToken) =>
    `${t(`tokens.access.${token.access}`)} · ${token.areas ? token.areas.map((area) => t(`tokens.areas.${area}`, { defaultValue: area })).join(', ') : t('tokens.allAreas')}`;
  const columns: Column<ApiToken>[] = [
    {
      key: 'name',
      header: t('tokens.fields.name'),
      cell: (token) => (
        <>
          <span className="display-block">{token.name}</span>
          <code>{token.prefix}…</code>
        </>
      ),
    },
    { key: 'scope', header: t('tokens.fields.scope'), cell: scope },
    { key: 'created', header: t('tokens.fields.createdAt'), cell: (token) => formatInstant(token.createdAt) },
    { key: 'expires', header: t('tokens.fields.expiresAt'), cell: (token) => formatInstant(token.expiresAt) },
    {
      key: 'used',
      header: t('tokens.fields.lastUsedAt'),
      cell: (token) =>
        token.lastUsedAt ? (
          <>
            <span className="display-block">{formatInstant(token.lastUsedAt)}</span>
            <span className="text-base-dark">{[token.lastUsedIp, token.lastUsedUserAgent].filter(Boolean).join(' · ')}</span>
          </>
        ) : (
          t('tokens.notUsed')
        ),
    },
    {
      key: 'status',
      header: t('tokens.fields.status'),
      cell: (token) =>
        token.revokedAt ? (
          t('tokens.revokedOn', { date: formatInstant(token.revokedAt) })
        ) : (
          <ConfirmButton
            label={t('tokens.revoke')}
            ariaLabel={t('tokens.revokeLabel', { name: token.name })}
            question={t('tokens.confirmRevoke', { name: token.name })}
            yes={t('tokens.confirmYes')}
            no={t('tokens.confirmNo')}
            onConfirm={() => revoke.mutate(token.id)}
            isPending={revoke.isPending}
            error={revoke.error}
          />
        ),
    },
  ];
  return <DataTable caption={caption} isCaptionHidden columns={columns} rows={tokens} rowKey={(token) => token.id} empty={t('tokens.empty')} />;
}
