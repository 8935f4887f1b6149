import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateOrganizationInput, createOrganizationSchema, type Organization } from '../../api/schemas';
import { useCountryChoices, useOrganizationKindChoices } from '../../components/choices';
import { Form } from '../../components/form/Form';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useOrganizationOptions } from './api';

export interface OrganizationValues {
  name: string;
  acronym: string;
  kind: string;
  country: string;
  subdivision: string;
  city: string;
  parentId: string;
  website: string;
  description: string;
}

function toValues(organization?: Organization): OrganizationValues {
  return {
    name: organization?.name ?? '',
    acronym: organization?.acronym ?? '',
    kind: organization?.kind ?? '',
    country: organization?.country ?? '',
    subdivision: organization?.subdivision ?? '',
    city: organization?.city ?? '',
    parentId: organization?.parentId ?? '',
    website: organization?.website ?? '',
    description: organization?.description ?? '',
  };
}

/** Every field is sent, so that clearing one in an edit clears it on the record. */
function toRequest(values: OrganizationValues) {
  return {
    name: values.name,
    acronym: blankToNull(values.acronym),
    kind: (values.kind || undefined) as Organization['kind'],
    country: values.country,
    subdivision: blankToNull(values.subdivision)?.toUpperCase() ?? null,
    city: blankToNull(values.city),
    parentId: blankToNull(values.parentId),
    website: blankToNull(values.website),
    description: blankToNull(values.description),
  };
}

interface OrganizationFormProps {
  organization?: Organization;
  onSubmit: (body: CreateOrganizationInput) => Promise<unknown>;
  submitLabel: string;
  cancelTo: string;
}

export function OrganizationForm({ organization, onSubmit, submitLabel, cancelTo }: OrganizationFormProps) {
  const { t } = useTranslation();
  const kinds = useOrganizationKindChoices();
  const countries = useCountryChoices();
  const parents = useOrganizationOptions();
  const form = useForm({
    defaultValues: toValues(organization),
    resolver: apiResolver({ schema: createOrganizationSchema, toRequest }),
    shouldFocusError: false,
  });
  const parentChoices = (parents.data ?? []).filter((candidate) => candidate.id !== organization?.id).map((candidate) => ({ value: candidate.id, label: candidate.name }));

  return (
    <Form
      form={form}
      latest={organization ? { version: organization.version, values: toValues(organization) } : undefined}
      idPrefix="organization"
      labels={{
        name: t('organizations.fields.name'),
        acronym: t('organizations.fields.acronym'),
        kind: t('organizations.fields.kind'),
        country: t('organizations.fields.country'),
        subdivision: t('organizations.fields.subdivision'),
        city: t('organizations.fields.city'),
        parentId: t('organizations.fields.parent'),
        website: t('organizations.fields.website'),
        description: t('organizations.fields.description'),
      }}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      cancel={cancelTo}
    >
      <TextField name="name" isRequired autoComplete="organization" />
      <TextField name="acronym" inputClassName="usa-input--small" />
      <SelectField name="kind" options={kinds} placeholder={t('common.select')} isRequired />
      <SelectField name="country" options={countries} placeholder={t('common.select')} isRequired />
      <TextField name="subdivision" hint={t('organizations.hints.subdivision')} inputClassName="usa-input--small" />
      <TextField name="city" />
      <SelectField name="parentId" options={parentChoices} placeholder={t('common.none')} />
      <TextField name="website" type="url" hint={t('organizations.hints.website')} />
      <TextAreaField name="description" />
    </Form>
  );
}
