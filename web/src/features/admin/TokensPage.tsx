import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ApiToken, createApiTokenSchema } from '../../api/schemas';
import { type Column, DataTable } from '../../components/DataTable';
import { formatInstant } from '../../components/format';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type CreatedToken, useCreateToken, useRevokeToken, useTokens } from './api';
import { OneTimeSecret } from './OneTimeSecret';

interface TokenValues {
  name: string;
  expiresInDays: string;
}

function toRequest(values: TokenValues) {
  const days = values.expiresInDays.trim();
  return { name: values.name, expiresInDays: days === '' ? null : Number(days) };
}

function RevokeButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  const [isConfirming, setIsConfirming] = useState(false);
  if (!isConfirming) {
    return (
      <button type="button" className="usa-button usa-button--outline" aria-label={t('tokens.revokeLabel', { name: token.name })} onClick={() => setIsConfirming(true)}>
        {t('tokens.revoke')}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('tokens.confirmRevoke', { name: token.name })}>
      <p className="margin-top-0">{t('tokens.confirmRevoke', { name: token.name })}</p>
      <button type="button" className="usa-button usa-button--secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
        {t('tokens.confirmYes')}
      </button>
      <button type="button" className="usa-button usa-button--unstyled" onClick={() => setIsConfirming(false)}>
        {t('tokens.confirmNo')}
      </button>
      {revoke.isError && <ProblemAlert error={revoke.error} headingLevel="h3" />}
    </div>
  );
}

/** Your API tokens for scripts: create (the secret is shown once) and revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const form = useForm({
    defaultValues: { name: '', expiresInDays: '90' } as TokenValues,
    resolver: apiResolver({ schema: createApiTokenSchema, toRequest }),
    shouldFocusError: false,
  });

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.fields.name'), cell: (token) => token.name },
    { key: 'prefix', header: t('tokens.fields.prefix'), cell: (token) => <code>{token.prefix}…</code> },
    { key: 'created', header: t('tokens.fields.createdAt'), cell: (token) => formatInstant(token.createdAt) },
    { key: 'expires', header: t('tokens.fields.expiresAt'), cell: (token) => (token.expiresAt ? formatInstant(token.expiresAt) : t('tokens.never')) },
    { key: 'used', header: t('tokens.fields.lastUsedAt'), cell: (token) => (token.lastUsedAt ? formatInstant(token.lastUsedAt) : t('tokens.notUsed')) },
    {
      key: 'status',
      header: t('tokens.fields.status'),
      cell: (token) => (token.revokedAt ? t('tokens.revokedOn', { date: formatInstant(token.revokedAt) }) : <RevokeButton token={token} />),
    },
  ];

  return (
    <>
      <PageHeader title={t('tokens.title')} lead={t('tokens.lead')} />
      {created && (
        <OneTimeSecret heading={t('tokens.created', { name: created.token.name })} explanation={t('tokens.secretExplanation')} label={t('tokens.secret')} secret={created.secret} />
      )}
      <section aria-labelledby="token-list-heading">
        <h2 id="token-list-heading">{t('tokens.listHeading')}</h2>
        {tokens.isPending && <Loading />}
        {tokens.isError && <ProblemAlert error={tokens.error} />}
        {tokens.data && <DataTable caption={t('tokens.listHeading')} isCaptionHidden columns={columns} rows={tokens.data} rowKey={(token) => token.id} empty={t('tokens.empty')} />}
      </section>
      <section aria-labelledby="token-new-heading" className="margin-top-5">
        <h2 id="token-new-heading">{t('tokens.newHeading')}</h2>
        <Form
          form={form}
          idPrefix="token"
          labels={{ name: t('tokens.fields.name'), expiresInDays: t('tokens.fields.expiresInDays') }}
          submitLabel={t('tokens.create')}
          onSubmit={async (body) => {
            setCreated(await create.mutateAsync(body));
            form.reset();
          }}
        >
          <TextField name="name" isRequired hint={t('tokens.hints.name')} />
          <TextField name="expiresInDays" inputMode="numeric" hint={t('tokens.hints.expiresInDays')} inputClassName="usa-input--small" />
        </Form>
      </section>
    </>
  );
}
