import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createRotationSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useAddRotation } from './api';

interface RotationValues {
  startOn: string;
  endOn: string;
  authorizedHeadcount: string;
}

function toRequest(values: RotationValues) {
  return {
    // An empty date is "required", not "not a date".
    startOn: (values.startOn || undefined) as string,
    endOn: blankToNull(values.endOn) ?? undefined,
    authorizedHeadcount: values.authorizedHeadcount.trim() === '' ? Number.NaN : Number(values.authorizedHeadcount),
  };
}

/** The next rotation of a long mission: its dates and how many officers it may take. */
export function RotationForm({ deploymentId, onDone }: { deploymentId: string; onDone: (isAdded: boolean) => void }) {
  const { t } = useTranslation();
  const add = useAddRotation(deploymentId);
  const form = useForm({
    defaultValues: { startOn: '', endOn: '', authorizedHeadcount: '' },
    resolver: apiResolver({
      schema: createRotationSchema,
      toRequest,
      check: (values) => (values.authorizedHeadcount.trim() === '' ? [{ field: 'authorizedHeadcount', message: t('validation.required') }] : []),
    }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix="rotation"
      labels={{ startOn: t('rotations.fields.startOn'), endOn: t('rotations.fields.endOn'), authorizedHeadcount: t('rotations.fields.authorized') }}
      submitLabel={t('rotations.save')}
      cancel={() => onDone(false)}
      onSubmit={async (body) => {
        await add.mutateAsync(body);
        onDone(true);
      }}
    >
      <div className="inline-fields">
        <DateField name="startOn" isRequired />
        <DateField name="endOn" hint={t('deployments.hints.endOn')} />
        <TextField name="authorizedHeadcount" isRequired inputMode="numeric" inputClassName="usa-input--small" />
      </div>
    </Form>
  );
}
