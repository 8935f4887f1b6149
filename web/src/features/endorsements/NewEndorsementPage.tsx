import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endorseSchema } from '../../api/schemas';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { countryName } from '../../components/format';
import { Form } from '../../components/form/Form';
import { SelectField, TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { PageHeader } from '../../components/PageHeader';
import { useCredentials } from '../credentials/api';
import { useOrganizationOptions } from '../organizations/api';
import { useEndorse } from './api';

interface EndorseValues {
  organizationId: string;
  credentialId: string;
  statement: string;
}

function toRequest(values: EndorseValues) {
  return {
    organizationId: (values.organizationId || undefined) as string,
    credentialId: (values.credentialId || undefined) as string,
    statement: values.statement.trim(),
  };
}

/**
 * Endorses a partner to certify one credential under the program's standard. The program office
 * issues under its own standard already, so it is not offered; the API refuses it anyway.
 */
function EndorseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const endorse = useEndorse();
  const organizations = useOrganizationOptions();
  const credentials = useCredentials();
  const form = useForm({
    defaultValues: { organizationId: '', credentialId: '', statement: '' },
    resolver: apiResolver({ schema: endorseSchema, toRequest }),
    shouldFocusError: false,
  });
  const organizationOptions = (organizations.data ?? [])
    .filter((organization) => organization.kind !== 'program_office')
    .map((organization) => ({ value: organization.id, label: `${organization.name} (${countryName(organization.country)})` }));
  const credentialOptions = (credentials.data ?? []).map((credential) => ({ value: credential.id, label: credential.name }));
  return (
    <Form
      form={form}
      idPrefix="endorse"
      labels={{
        organizationId: t('endorsements.fields.organization'),
        credentialId: t('endorsements.fields.credential'),
        statement: t('endorsements.fields.statement'),
      }}
      submitLabel={t('endorsements.endorse')}
      problemHeading={t('endorsements.refused')}
      cancel="/endorsements"
      onSubmit={async (body) => {
        const saved = await endorse.mutateAsync(body);
        await navigate('/endorsements', { state: { notice: t('endorsements.endorsed', { organization: saved.endorsee.name, credential: saved.credential.name }) } });
      }}
    >
      <SelectField key={`o${organizationOptions.length}`} name="organizationId" isRequired placeholder={t('common.select')} options={organizationOptions} hint={t('endorsements.hints.organization')} />
      <SelectField key={`c${credentialOptions.length}`} name="credentialId" isRequired placeholder={t('common.select')} options={credentialOptions} />
      <TextAreaField name="statement" isRequired hint={t('endorsements.hints.statement')} className="short-textarea" />
    </Form>
  );
}

export function NewEndorsementPage() {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('endorsements', 'create')) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('endorsements.newTitle')} lead={t('endorsements.newLead')} />
      <EndorseForm />
    </>
  );
}
