import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, type Agreement, createAgreementSchema, updateAgreementSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull, dollarsToCents } from '../../components/form/values';
import { useCreateAgreement, useUpdateAgreement } from './api';

export interface AgreementValues {
  kind: string;
  reference: string;
  title: string;
  terms: string;
  signedOn: string;
  effectiveOn: string;
  renewalDueOn: string;
  expiresOn: string;
  /** Typed in dollars; the API counts integer cents. */
  reimbursementCeiling: string;
}

/** The form's values of an agreement, or an empty form. */
export function toValues(agreement?: Agreement): AgreementValues {
  return {
    kind: agreement?.kind ?? '',
    reference: agreement?.reference ?? '',
    title: agreement?.title ?? '',
    terms: agreement?.terms ?? '',
    signedOn: agreement?.signedOn ?? '',
    effectiveOn: agreement?.effectiveOn ?? '',
    renewalDueOn: agreement?.renewalDueOn ?? '',
    expiresOn: agreement?.expiresOn ?? '',
    reimbursementCeiling: agreement?.reimbursementCeilingCents == null ? '' : (agreement.reimbursementCeilingCents / 100).toFixed(2),
  };
}

function toRequest(values: AgreementValues, currency: string) {
  return {
    kind: (values.kind || undefined) as Agreement['kind'],
    reference: values.reference,
    title: blankToNull(values.title),
    terms: blankToNull(values.terms),
    signedOn: blankToNull(values.signedOn),
    effectiveOn: blankToNull(values.effectiveOn),
    renewalDueOn: blankToNull(values.renewalDueOn),
    expiresOn: blankToNull(values.expiresOn),
    reimbursementCeilingCents: dollarsToCents(values.reimbursementCeiling),
    currency,
  };
}

type AgreementFormProps =
  | { partnershipId: string; agreement?: undefined; onDone: (agreement: Agreement | null) => void }
  | { partnershipId?: undefined; agreement: Agreement; onDone: (agreement: Agreement | null) => void };

/**
 * A new agreement, or every field of one on record. The dates are checked in the browser by the
 * API's own rule (signed ≤ effective ≤ renewal due ≤ expiry), so both refuse with the same words.
 */
export function AgreementForm({ partnershipId, agreement, onDone }: AgreementFormProps) {
  const { t } = useTranslation();
  const create = useCreateAgreement(partnershipId ?? agreement?.partnershipId ?? '');
  const update = useUpdateAgreement(agreement ?? { id: '', version: 0, partnershipId: '' });
  const currency = agreement?.currency ?? 'USD';
  const form = useForm({
    defaultValues: toValues(agreement),
    resolver: apiResolver({
      schema: agreement ? updateAgreementSchema : createAgreementSchema,
      toRequest: (values: AgreementValues) => toRequest(values, currency),
      fieldOfRequest: { reimbursementCeilingCents: 'reimbursementCeiling' },
      check: (values) =>
        Number.isNaN(dollarsToCents(values.reimbursementCeiling)) ? [{ field: 'reimbursementCeiling', message: t('agreements.ceilingInvalid') }] : [],
    }),
    shouldFocusError: false,
  });

  return (
    <Form
      form={form}
      latest={agreement && { version: agreement.version, values: toValues(agreement) }}
      idPrefix="agreement"
      labels={{
        kind: t('agreements.fields.kind'),
        reference: t('agreements.fields.reference'),
        title: t('agreements.fields.title'),
        terms: t('agreements.fields.terms'),
        signedOn: t('agreements.fields.signedOn'),
        effectiveOn: t('agreements.fields.effectiveOn'),
        renewalDueOn: t('agreements.fields.renewalDueOn'),
        expiresOn: t('agreements.fields.expiresOn'),
        reimbursementCeiling: t('agreements.fields.reimbursementCeiling'),
      }}
      fieldOfRequest={{ reimbursementCeilingCents: 'reimbursementCeiling' }}
      submitLabel={agreement ? t('common.saveChanges') : t('agreements.save')}
      cancel={() => onDone(null)}
      onSubmit={async (body) => onDone(await (agreement ? update : create).mutateAsync(body))}
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
      <p className="usa-hint margin-bottom-0" id="agreement-dates-hint">
        {t('agreements.hints.dateOrder')}
      </p>
      <div className="inline-fields">
        <DateField name="signedOn" hint={t('agreements.hints.signedOn')} />
        <DateField name="effectiveOn" hint={t('agreements.hints.effectiveOn')} />
        <DateField name="renewalDueOn" />
        <DateField name="expiresOn" />
      </div>
      <TextField name="reimbursementCeiling" inputMode="decimal" hint={t('agreements.hints.reimbursementCeiling')} inputClassName="usa-input--medium" />
    </Form>
  );
}
