import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, type Agreement, createAgreementSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull, dollarsToCents } from '../../components/form/values';
import { useCreateAgreement } from './api';

interface AgreementValues {
  kind: string;
  reference: string;
  title: string;
  terms: string;
  signedOn: string;
  expiresOn: string;
  renewalDueOn: string;
  /** Typed in dollars; the API counts integer cents. */
  reimbursementCeiling: string;
}

const EMPTY: AgreementValues = { kind: '', reference: '', title: '', terms: '', signedOn: '', expiresOn: '', renewalDueOn: '', reimbursementCeiling: '' };

function toRequest(values: AgreementValues) {
  return {
    kind: (values.kind || undefined) as Agreement['kind'],
    reference: values.reference,
    title: blankToNull(values.title),
    terms: blankToNull(values.terms),
    signedOn: blankToNull(values.signedOn),
    expiresOn: blankToNull(values.expiresOn),
    renewalDueOn: blankToNull(values.renewalDueOn),
    reimbursementCeilingCents: dollarsToCents(values.reimbursementCeiling),
    currency: 'USD',
  };
}

export function AgreementForm({ partnershipId, onDone }: { partnershipId: string; onDone: (agreement: Agreement | null) => void }) {
  const { t } = useTranslation();
  const create = useCreateAgreement(partnershipId);
  const form = useForm({
    defaultValues: EMPTY,
    resolver: apiResolver({
      schema: createAgreementSchema,
      toRequest,
      fieldOfRequest: { reimbursementCeilingCents: 'reimbursementCeiling' },
      check: (values) =>
        Number.isNaN(dollarsToCents(values.reimbursementCeiling)) ? [{ field: 'reimbursementCeiling', message: t('agreements.ceilingInvalid') }] : [],
    }),
    shouldFocusError: false,
  });

  return (
    <Form
      form={form}
      idPrefix="agreement"
      labels={{
        kind: t('agreements.fields.kind'),
        reference: t('agreements.fields.reference'),
        title: t('agreements.fields.title'),
        terms: t('agreements.fields.terms'),
        signedOn: t('agreements.fields.signedOn'),
        expiresOn: t('agreements.fields.expiresOn'),
        renewalDueOn: t('agreements.fields.renewalDueOn'),
        reimbursementCeiling: t('agreements.fields.reimbursementCeiling'),
      }}
      fieldOfRequest={{ reimbursementCeilingCents: 'reimbursementCeiling' }}
      submitLabel={t('agreements.save')}
      cancel={() => onDone(null)}
      onSubmit={async (body) => onDone(await create.mutateAsync(body))}
    >
      <SelectField
        name="kind"
        isRequired
        placeholder={t('common.select')}
        options={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreementKinds.${kind}`) }))}
      />
      <TextField name="reference" isRequired hint={t('agreements.hints.reference')} />
      <TextField name="title" />
      <TextAreaField name="terms" />
      <div className="inline-fields">
        <DateField name="signedOn" hint={t('agreements.hints.signedOn')} />
        <DateField name="expiresOn" />
        <DateField name="renewalDueOn" />
      </div>
      <TextField name="reimbursementCeiling" inputMode="decimal" hint={t('agreements.hints.reimbursementCeiling')} inputClassName="usa-input--medium" />
    </Form>
  );
}
