import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateOfferingInput, createOfferingSchema } from '../../api/schemas';
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

interface OfferingFormProps {
  courseId: string;
  onSubmit: (body: CreateOfferingInput) => Promise<unknown>;
  cancelTo: string;
}

/** Scheduling one delivery of a course: when, where, with whom, and for how many. */
export function OfferingForm({ courseId, onSubmit, cancelTo }: OfferingFormProps) {
  const { t } = useTranslation();
  const countries = useCountryChoices();
  const courses = useCourseOptions();
  const organizations = useOrganizationOptions();
  const form = useForm({
    defaultValues: {
      courseId,
      startOn: '',
      endOn: '',
      country: '',
      city: '',
      hostOrganizationId: '',
      deliveringOrganizationId: '',
      capacity: '',
      isUsFunded: true,
      isRefresher: false,
      notes: '',
    },
    resolver: apiResolver({ schema: createOfferingSchema, toRequest }),
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
      submitLabel={t('offerings.create')}
      cancel={cancelTo}
    >
      <SelectField
        key={`course-${courseChoices.length}`}
        name="courseId"
        isRequired
        placeholder={courses.isPending ? t('common.loading') : t('common.select')}
        options={courseChoices}
        hint={t('offerings.hints.course')}
      />
      <div className="inline-fields">
        <DateField name="startOn" isRequired />
        <DateField name="endOn" isRequired />
        <TextField name="capacity" isRequired inputMode="numeric" inputClassName="usa-input--small" hint={t('offerings.hints.capacity')} />
      </div>
      <div className="inline-fields inline-fields--wide">
        <SelectField name="country" isRequired placeholder={t('common.select')} options={countries} />
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
      <CheckboxField name="isUsFunded" hint={t('offerings.hints.isUsFunded')} />
      <CheckboxField name="isRefresher" hint={t('offerings.hints.isRefresher')} />
      <TextAreaField name="notes" className="short-textarea" />
    </Form>
  );
}
