import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Enrollment, enrollSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { apiResolver } from '../../components/form/resolver';
import { PersonPickerField } from '../people/PersonPickerField';
import { useEnroll } from './api';

/**
 * Enrolls one person, found by name. The API checks the seats, duplicates, clashing dates,
 * instructors and vetting; its refusal is shown with its own words.
 */
export function EnrollForm({ offeringId, hint, onEnrolled }: { offeringId: string; hint: string; onEnrolled: (enrollment: Enrollment) => void }) {
  const { t } = useTranslation();
  const enroll = useEnroll(offeringId);
  const form = useForm({
    defaultValues: { personId: '' },
    resolver: apiResolver({ schema: enrollSchema, toRequest: (values: { personId: string }) => ({ personId: (values.personId || undefined) as string }) }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix="enroll"
      labels={{ personId: t('roster.fields.person') }}
      submitLabel={t('roster.enroll')}
      hasRequiredNote={false}
      problemHeading={t('roster.enrollRefused')}
      onSubmit={async (body) => onEnrolled(await enroll.mutateAsync(body))}
    >
      <PersonPickerField name="personId" isRequired hint={hint} />
    </Form>
  );
}
