import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreatePartnershipInput, createPartnershipSchema, type PartnershipDetail, type Track, TRACKS } from '../../api/schemas';
import { CountryListField } from '../../components/form/CountryListField';
import { Form } from '../../components/form/Form';
import { CheckboxGroupField, SelectField, TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useOrganizationOptions } from '../organizations/api';
import { useOwnerChoices } from './api';

export interface PartnershipValues {
  organizationId: string;
  ownerId: string;
  summary: string;
  tracks: string[];
  targetCountries: string[];
}

function toRequest(values: PartnershipValues) {
  return {
    organizationId: values.organizationId,
    ownerId: blankToNull(values.ownerId),
    summary: blankToNull(values.summary),
    tracks: values.tracks as Track[],
    targetCountries: values.targetCountries,
  };
}

function toValues(partnership: PartnershipDetail | undefined, organizationId?: string): PartnershipValues {
  return {
    organizationId: partnership?.organization.id ?? organizationId ?? '',
    ownerId: partnership?.ownerId ?? '',
    summary: partnership?.summary ?? '',
    tracks: partnership?.tracks ?? [],
    targetCountries: partnership?.targetCountries ?? [],
  };
}

interface PartnershipFormProps {
  partnership?: PartnershipDetail;
  organizationId?: string;
  onSubmit: (body: CreatePartnershipInput) => Promise<unknown>;
  submitLabel: string;
  cancelTo: string;
}

/** Opening a partnership (organization chosen) or changing its owner, tracks, countries and summary. */
export function PartnershipForm({ partnership, organizationId, onSubmit, submitLabel, cancelTo }: PartnershipFormProps) {
  const { t } = useTranslation();
  const organizations = useOrganizationOptions();
  const owners = useOwnerChoices({ id: partnership?.ownerId ?? null, name: partnership?.ownerName ?? null });
  const form = useForm({
    defaultValues: toValues(partnership, organizationId),
    resolver: apiResolver({ schema: createPartnershipSchema, toRequest }),
    shouldFocusError: false,
  });
  const organizationChoices = (organizations.data ?? [])
    .filter((organization) => !organization.isArchived)
    .map((organization) => ({ value: organization.id, label: organization.name }));

  return (
    <Form
      form={form}
      latest={partnership ? { version: partnership.version, values: toValues(partnership) } : undefined}
      describeValue={(field, value) => (field === 'ownerId' && value === partnership?.ownerId ? (partnership?.ownerName ?? null) : null)}
      idPrefix="partnership"
      labels={{
        organizationId: t('partnerships.fields.organization'),
        ownerId: t('partnerships.fields.owner'),
        summary: t('partnerships.fields.summary'),
        tracks: t('partnerships.fields.tracks'),
        targetCountries: t('partnerships.fields.targetCountries'),
      }}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      cancel={cancelTo}
    >
      {partnership ? null : (
        <SelectField
          key={organizationChoices.length}
          name="organizationId"
          isRequired
          placeholder={organizations.isPending ? t('common.loading') : t('common.select')}
          options={organizationChoices}
        />
      )}
      <SelectField key={`owner-${owners.length}`} name="ownerId" placeholder={t('common.none')} options={owners} />
      <CheckboxGroupField name="tracks" options={TRACKS.map((track) => ({ value: track, label: t(`tracks.${track}`) }))} />
      <CountryListField name="targetCountries" hint={t('partnerships.hints.targetCountries')} />
      <TextAreaField name="summary" />
    </Form>
  );
}
