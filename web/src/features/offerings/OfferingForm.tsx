import { type Resolver, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateOfferingInput, createOfferingSchema, type OfferingDetail, updateOfferingSchema } from '../../api/schemas';
import { useCountryChoices } from '../../components/choices';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull, toNumber } from '../../components/form/values';
import { useCourseOptions } from '../courses/api';
import { courseName } from '../courses/names';
import { useOrganizationOptions } from '../organizations/api';

interface OfferingValues {
  courseId: string;
  startOn: string;
  endOn: string;
  country: string;
  city: string;
  hostOrganizationId: string;
  deliveringOrganizationId: string;
  capacity: string;
  isUsFunded: boolean;
  isRefresher: boolean;
  notes: string;
}

function toRequest(values: OfferingValues) {
  return {
    courseId: (values.courseId || undefined) as string,
    // An empty date is "required", not "not a date".
    startOn: (values.startOn || undefined) as string,
    endOn: (values.endOn || undefined) as string,
    country: (values.country || undefined) as string,
    city: blankToNull(values.city),
    hostOrganizationId: blankToNull(values.hostOrganizationId),
    deliveringOrganizationId: blankToNull(values.deliveringOrganizationId),
    capacity: (toNumber(values.capacity) ?? undefined) as number,
    isUsFunded: values.isUsFunded,
    isRefresher: values.isRefresher,
    notes: blankToNull(values.notes),
  };
}

/** An offering as the form shows it, for an edit's defaults and for what changed when a save is stale. */
export function toValues(offering: OfferingDetail | undefined, courseId = ''): OfferingValues {
  return {
    courseId: offering?.course.id ?? courseId,
    startOn: offering?.startOn ?? '',
    endOn: offering?.endOn ?? '',
    country: offering?.country ?? '',
    city: offering?.city ?? '',
    hostOrganizationId: offering?.hostOrganization?.id ?? '',
    deliveringOrganizationId: offering?.deliveringOrganization?.id ?? '',
    capacity: offering ? String(offering.capacity) : '',
    isUsFunded: offering?.isUsFunded ?? true,
    isRefresher: offering?.isRefresher ?? false,
    notes: offering?.notes ?? '',
  };
}

/** What a correction may change: the course, country and funding stay as scheduled. */
function toChange(values: OfferingValues) {
  const { courseId: _course, country: _country, isUsFunded: _funded, isRefresher: _refresher, ...change } = toRequest(values);
  return change;
}

interface OfferingFormProps {
  courseId: string;
  /** The offering to correct; left out, a new one is scheduled. */
  offering?: OfferingDetail;
  onSubmit: (body: CreateOfferingInput) => Promise<unknown>;
  submitLabel?: string;
  cancelTo: string;
}

/** Scheduling one delivery of a course, or correcting it: when, where, with whom, and for how many. */
export function OfferingForm({ courseId, offering, onSubmit, submitLabel, cancelTo }: OfferingFormProps) {
  const { t } = useTranslation();
  const countries = useCountryChoices();
  const courses = useCourseOptions();
  const organizations = useOrganizationOptions();
  const form = useForm({
    defaultValues: toValues(offering, courseId),
    resolver: offering
      ? // A correction checks by the API's rules for a change (dates in order, in the same words);
        // its body is a part of a schedule's, which the page sends as it is.
        (apiResolver({ schema: updateOfferingSchema, toRequest: toChange }) as unknown as Resolver<OfferingValues, unknown, CreateOfferingInput>)
      : apiResolver({ schema: createOfferingSchema, toRequest }),
    shouldFocusError: false,
  });
  const [country, hostOrganizationId] = useWatch({ control: form.control, name: ['country', 'hostOrganizationId'] });
  const courseChoices = (courses.data ?? []).filter((course) => !course.isArchived).map((course) => ({ value: course.id, label: courseName(course) }));
  const organizationChoices = (organizations.data ?? []).filter((organization) => !organization.isArchived);
  // The host is usually an organization of the country it takes place in; the one chosen stays offered.
  const hostChoices = organizationChoices
    .filter((organization) => !country || organization.country === country || organization.id === hostOrganizationId)
    .map((organization) => ({ value: organization.id, label: organization.name }));

  return (
    <Form
      form={form}
      latest={offering ? { version: offering.version, values: toValues(offering) } : undefined}
      describeValue={(field, value) => {
        const named = [offering?.hostOrganization, offering?.deliveringOrganization].find((organization) => organization?.id === value);
        return field.endsWith('OrganizationId') && named ? named.name : null;
      }}
      idPrefix="offering"
      labels={{
        courseId: t('offerings.fields.course'),
        startOn: t('offerings.fields.startOn'),
        endOn: t('offerings.fields.endOn'),
        country: t('offerings.fields.country'),
        city: t('offerings.fields.city'),
        hostOrganizationId: t('offerings.fields.hostOrganization'),
        deliveringOrganizationId: t('offerings.fields.deliveringOrganization'),
        capacity: t('offerings.fields.capacity'),
        isUsFunded: t('offerings.fields.isUsFunded'),
        isRefresher: t('offerings.fields.isRefresher'),
        notes: t('offerings.fields.notes'),
      }}
      onSubmit={onSubmit}
      submitLabel={submitLabel ?? t('offerings.create')}
      cancel={cancelTo}
    >
      {!offering && (
        <SelectField
          key={`course-${courseChoices.length}`}
          name="courseId"
          isRequired
          placeholder={courses.isPending ? t('common.loading') : t('common.select')}
          options={courseChoices}
          hint={t('offerings.hints.course')}
        />
      )}
      <div className="inline-fields">
        <DateField name="startOn" isRequired />
        <DateField name="endOn" isRequired />
        <TextField name="capacity" isRequired inputMode="numeric" inputClassName="usa-input--small" hint={t('offerings.hints.capacity')} />
      </div>
      <div className="inline-fields inline-fields--wide">
        {!offering && <SelectField name="country" isRequired placeholder={t('common.select')} options={countries} />}
        <TextField name="city" />
      </div>
      <SelectField
        key={`host-${hostChoices.length}`}
        name="hostOrganizationId"
        placeholder={organizations.isPending ? t('common.loading') : t('common.none')}
        options={hostChoices}
        hint={t('offerings.hints.hostOrganization')}
      />
      <SelectField
        key={`delivering-${organizationChoices.length}`}
        name="deliveringOrganizationId"
        placeholder={organizations.isPending ? t('common.loading') : t('common.none')}
        options={organizationChoices.map((organization) => ({ value: organization.id, label: organization.name }))}
        hint={t('offerings.hints.deliveringOrganization')}
      />
      {!offering && (
        <>
          <CheckboxField name="isUsFunded" hint={t('offerings.hints.isUsFunded')} />
          <CheckboxField name="isRefresher" hint={t('offerings.hints.isRefresher')} />
        </>
      )}
      <TextAreaField name="notes" className="short-textarea" />
    </Form>
  );
}
