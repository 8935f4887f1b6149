import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createApiTokenSchema, TOKEN_LIFETIME_DAYS, tokenAreaSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { CheckboxGroupField, SelectField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type CreatedToken, useCreateToken, useRevokeToken, useTokens } from './api';
import { OneTimeSecret } from './OneTimeSecret';
import { TokensTable } from './TokensTable';

interface TokenValues {
  name: string;
  access: 'read' | 'write';
  /** Checked areas; none checked means every area. */
  areas: string[] | false;
  expiresInDays: string;
}

const DEFAULTS: TokenValues = { name: '', access: 'read', areas: [], expiresInDays: String(TOKEN_LIFETIME_DAYS.default) };

function toRequest(values: TokenValues) {
  const areas = Array.isArray(values.areas) ? values.areas : [];
  const days = values.expiresInDays.trim();
  return { name: values.name, access: values.access, areas: areas.length > 0 ? areas : null, expiresInDays: days === '' ? Number.NaN : Number(days) };
}

/** Your API tokens for scripts: create one (what it may do, where, until when; the secret is shown once) and revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const form = useForm({ defaultValues: DEFAULTS, resolver: apiResolver({ schema: createApiTokenSchema, toRequest }), shouldFocusError: false });
  const areaOptions = tokenAreaSchema.options
    .map((area) => ({ value: area, label: t(`tokens.areas.${area}`, { defaultValue: area }) }))
    .sort((a, b) => a.label.localeCompare(b.label));

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
        {tokens.data && <TokensTable tokens={tokens.data} caption={t('tokens.listHeading')} revoke={revoke} />}
      </section>
      <section aria-labelledby="token-new-heading" className="margin-top-5">
        <h2 id="token-new-heading">{t('tokens.newHeading')}</h2>
        <p className="usa-hint">{t('tokens.limits')}</p>
        <Form
          form={form}
          idPrefix="token"
          labels={{ name: t('tokens.fields.name'), access: t('tokens.fields.access'), areas: t('tokens.fields.areas'), expiresInDays: t('tokens.fields.expiresInDays') }}
          submitLabel={t('tokens.create')}
          onSubmit={async (body) => {
            setCreated(await create.mutateAsync(body));
            form.reset(DEFAULTS);
          }}
        >
          <TextField name="name" isRequired hint={t('tokens.hints.name')} />
          <SelectField
            name="access"
            isRequired
            hint={t('tokens.hints.access')}
            options={[
              { value: 'read', label: t('tokens.access.read') },
              { value: 'write', label: t('tokens.access.write') },
            ]}
          />
          <TextField name="expiresInDays" isRequired inputMode="numeric" hint={t('tokens.hints.expiresInDays', { max: TOKEN_LIFETIME_DAYS.max })} inputClassName="usa-input--small" />
          <CheckboxGroupField name="areas" hint={t('tokens.hints.areas')} options={areaOptions} className="checkbox-columns" />
        </Form>
      </section>
    </>
  );
}
