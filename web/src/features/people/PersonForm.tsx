import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreatePersonInput, createPersonSchema, type IlrLevel, PERSON_STATUSES, type PersonDetail, SEXES } from '../../api/schemas';
import { useCurrentUser } from '../../api/session';
import { useIlrChoices, useLanguageChoices } from '../../components/choices';
import { CountryListField } from '../../components/form/CountryListField';
import { Form } from '../../components/form/Form';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { RowsField } from '../../components/form/RowsField';
import { blankToNull, splitList } from '../../components/form/values';
import { useOrganizationOptions } from '../organizations/api';

export interface PersonValues {
  organizationId: string;
  givenName: string;
  familyName: string;
  rankTitle: string;
  email: string;
  phone: string;
  sex: string;
  dateOfBirth: string;
  status: string;
  languages: { language: string; speaking: string; reading: string }[];
  heritageCountries: string[];
  /** Typed on one line, commas between; the API takes a list. */
  specialties: string;
  notes: string;
}

function toValues(person: PersonDetail | undefined, organizationId: string): PersonValues {
  return {
    organizationId: person?.organizationId ?? organizationId,
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    rankTitle: person?.rankTitle ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    sex: person?.sex ?? '',
    dateOfBirth: person?.dateOfBirth ?? '',
    status: person?.status ?? 'active',
    // A level not known is the select's empty choice, "Unknown".
    languages: (person?.languages ?? []).map((skill) => ({ language: skill.language, speaking: skill.speaking ?? '', reading: skill.reading ?? '' })),
    heritageCountries: person?.heritageCountries ?? [],
    specialties: (person?.specialties ?? []).join(', '),
    notes: person?.notes ?? '',
  };
}

/** Every field is sent, so that clearing one in an edit clears it on the record. */
function toRequest(values: PersonValues) {
  return {
    organizationId: values.organizationId,
    givenName: values.givenName,
    familyName: values.familyName,
    rankTitle: blankToNull(values.rankTitle),
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    sex: (blankToNull(values.sex) ?? null) as CreatePersonInput['sex'],
    dateOfBirth: blankToNull(values.dateOfBirth),
    status: values.status as CreatePersonInput['status'],
    languages: values.languages.map((skill) => ({
      language: (skill.language || undefined) as string,
      speaking: (blankToNull(skill.speaking) ?? null) as IlrLevel | null,
      reading: (blankToNull(skill.reading) ?? null) as IlrLevel | null,
    })),
    heritageCountries: values.heritageCountries,
    specialties: splitList(values.specialties),
    notes: blankToNull(values.notes),
  };
}

interface PersonFormProps {
  person?: PersonDetail;
  organizationId?: string;
  onSubmit: (body: CreatePersonInput) => Promise<unknown>;
  submitLabel: string;
  cancelTo: string;
}

/** Adding a person to a roster, or changing one; a coordinator's people stay in their agency. */
export function PersonForm({ person, organizationId, onSubmit, submitLabel, cancelTo }: PersonFormProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organizations = useOrganizationOptions();
  const languages = useLanguageChoices();
  const levels = useIlrChoices();
  // A user bound to one agency (a coordinator) adds people to that agency only.
  const ownOrganization = user.organizationId;
  const form = useForm({
    defaultValues: toValues(person, ownOrganization ?? organizationId ?? ''),
    resolver: apiResolver({
      schema: createPersonSchema,
      toRequest,
      check: (values) =>
        splitList(values.specialties).some((specialty) => specialty.length > 80) ? [{ field: 'specialties', message: t('people.specialtyTooLong') }] : [],
    }),
    shouldFocusError: false,
  });
  const organizationChoices = (organizations.data ?? [])
    .filter((organization) => !organization.isArchived && (!ownOrganization || organization.id === ownOrganization))
    .map((organization) => ({ value: organization.id, label: organization.name }));

  return (
    <Form
      form={form}
      latest={person?.version !== undefined ? { version: person.version, values: toValues(person, person.organizationId) } : undefined}
      idPrefix="person"
      labels={{
        organizationId: t('people.fields.organization'),
        givenName: t('people.fields.givenName'),
        familyName: t('people.fields.familyName'),
        rankTitle: t('people.fields.rankTitle'),
        email: t('people.fields.email'),
        phone: t('people.fields.phone'),
        sex: t('people.fields.sex'),
        dateOfBirth: t('people.fields.dateOfBirth'),
        status: t('people.fields.status'),
        languages: t('people.fields.languages'),
        'languages.language': t('people.fields.language'),
        'languages.speaking': t('people.fields.speaking'),
        'languages.reading': t('people.fields.reading'),
        heritageCountries: t('people.fields.heritageCountries'),
        specialties: t('people.fields.specialties'),
        notes: t('people.fields.notes'),
      }}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      cancel={cancelTo}
    >
      <SelectField
        key={organizationChoices.length}
        name="organizationId"
        isRequired
        placeholder={organizations.isPending ? t('common.loading') : t('common.select')}
        options={organizationChoices}
      />
      <div className="inline-fields inline-fields--wide">
        <TextField name="givenName" isRequired autoComplete="off" />
        <TextField name="familyName" isRequired autoComplete="off" />
      </div>
      <TextField name="rankTitle" hint={t('people.hints.rankTitle')} />
      <div className="inline-fields inline-fields--wide">
        <TextField name="email" type="email" autoComplete="off" />
        <TextField name="phone" autoComplete="off" />
      </div>
      <div className="inline-fields">
        <SelectField name="sex" hint={t('people.hints.sex')} placeholder={t('common.notRecorded')} options={SEXES.map((sex) => ({ value: sex, label: t(`sexes.${sex}`) }))} />
        <TextField name="dateOfBirth" type="date" />
        <SelectField name="status" isRequired options={PERSON_STATUSES.map((status) => ({ value: status, label: t(`personStatuses.${status}`) }))} />
      </div>
      <RowsField<PersonValues, 'languages'>
        name="languages"
        legend={t('people.fields.languages')}
        hint={t('people.hints.languages')}
        rowLabel={(index) => t('people.languageRow', { number: index + 1 })}
        addLabel={t('people.addLanguage')}
        emptyRow={{ language: '', speaking: '2', reading: '2' }}
        renderRow={(index) => (
          <>
            <SelectField name={`languages.${index}.language`} label={t('people.fields.language')} isRequired placeholder={t('common.select')} options={languages} />
            <SelectField name={`languages.${index}.speaking`} label={t('people.fields.speaking')} placeholder={t('people.levelUnknownChoice')} options={levels} />
            <SelectField name={`languages.${index}.reading`} label={t('people.fields.reading')} placeholder={t('people.levelUnknownChoice')} options={levels} />
          </>
        )}
      />
      <CountryListField name="heritageCountries" hint={t('people.hints.heritageCountries')} />
      <TextField name="specialties" hint={t('people.hints.specialties')} />
      <TextAreaField name="notes" />
    </Form>
  );
}
