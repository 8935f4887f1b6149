import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COURSE_LEVELS, type CourseDetail, type CourseLevel, createCourseSchema, type Track, TRACKS, updateCourseSchema } from '../../api/schemas';
import { useLanguageChoices } from '../../components/choices';
import { Form } from '../../components/form/Form';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull, numberToText, toNumber } from '../../components/form/values';
import { useCredentials } from '../credentials/api';

interface CourseValues {
  code: string;
  title: string;
  track: string;
  level: string;
  language: string;
  hours: string;
  description: string;
  grantsCredentialId: string;
  requiresCredentialId: string;
  isArchived: boolean;
}

function toValues(course: CourseDetail | undefined): CourseValues {
  return {
    code: course?.code ?? '',
    title: course?.title ?? '',
    track: course?.track ?? 'corrections',
    level: course?.level ?? 'basic',
    language: course?.language ?? 'en',
    hours: numberToText(course?.hours),
    description: course?.description ?? '',
    grantsCredentialId: course?.grantsCredential?.id ?? '',
    requiresCredentialId: course?.requiresCredential?.id ?? '',
    isArchived: course?.isArchived ?? false,
  };
}

function toRequest(values: CourseValues) {
  return {
    // Codes are written in capitals; typed in lower case, it is still the code.
    code: values.code.trim().toUpperCase(),
    title: values.title,
    track: values.track as Track,
    level: values.level as CourseLevel,
    language: values.language,
    hours: (toNumber(values.hours) ?? undefined) as number,
    description: blankToNull(values.description),
    grantsCredentialId: blankToNull(values.grantsCredentialId),
    requiresCredentialId: blankToNull(values.requiresCredentialId),
  };
}

interface CourseFormProps {
  course?: CourseDetail;
  /** The create or update request body, as the API's schema parsed it. */
  onSubmit: (body: unknown) => Promise<unknown>;
  submitLabel: string;
  cancelTo: string;
}

/** A course of the catalogue; on a course already in use, its content changes make a new version. */
export function CourseForm({ course, onSubmit, submitLabel, cancelTo }: CourseFormProps) {
  const { t } = useTranslation();
  const languages = useLanguageChoices();
  const credentials = useCredentials();
  const isEdit = Boolean(course);
  // A course's code never changes, and only a course on record can be archived.
  const resolver = isEdit
    ? apiResolver({ schema: updateCourseSchema, toRequest: (values: CourseValues) => ({ ...toRequest(values), code: undefined, isArchived: values.isArchived }) })
    : apiResolver({ schema: createCourseSchema, toRequest });
  const form = useForm<CourseValues, unknown, unknown>({ defaultValues: toValues(course), resolver: resolver as Resolver<CourseValues, unknown, unknown>, shouldFocusError: false });
  const credentialChoices = (credentials.data ?? []).map((credential) => ({ value: credential.id, label: credential.name }));
  return (
    <Form
      form={form}
      latest={course ? { version: course.version, values: toValues(course) } : undefined}
      idPrefix="course"
      labels={{
        code: t('courses.fields.code'),
        title: t('courses.fields.title'),
        track: t('courses.fields.track'),
        level: t('courses.fields.level'),
        language: t('courses.fields.language'),
        hours: t('courses.fields.hours'),
        description: t('courses.fields.description'),
        grantsCredentialId: t('courses.fields.grantsCredential'),
        requiresCredentialId: t('courses.fields.requiresCredential'),
        isArchived: t('courses.fields.isArchived'),
      }}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      cancel={cancelTo}
    >
      {!isEdit && <TextField name="code" isRequired inputClassName="usa-input--medium" hint={t('courses.hints.code')} />}
      {course && (
        <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('courses.versionNotice', { current: course.currentVersion, next: course.currentVersion + 1 })}</p>
          </div>
        </div>
      )}
      <TextField name="title" isRequired />
      <div className="inline-fields">
        <SelectField name="track" isRequired options={TRACKS.map((track) => ({ value: track, label: t(`tracks.${track}`) }))} />
        <SelectField name="level" isRequired options={COURSE_LEVELS.map((level) => ({ value: level, label: t(`courseLevels.${level}`) }))} />
        <TextField name="hours" isRequired inputMode="numeric" inputClassName="usa-input--small" hint={t('courses.hints.hours')} />
      </div>
      <SelectField name="language" isRequired options={languages} hint={t('courses.hints.language')} />
      <TextAreaField name="description" />
      <SelectField
        key={`grants-${credentialChoices.length}`}
        name="grantsCredentialId"
        placeholder={credentials.isPending ? t('common.loading') : t('common.none')}
        options={credentialChoices}
        hint={t('courses.hints.grantsCredential')}
      />
      <SelectField
        key={`requires-${credentialChoices.length}`}
        name="requiresCredentialId"
        placeholder={credentials.isPending ? t('common.loading') : t('common.none')}
        options={credentialChoices}
        hint={t('courses.hints.requiresCredential')}
      />
      {isEdit && <CheckboxField name="isArchived" hint={t('courses.hints.isArchived')} />}
    </Form>
  );
}
