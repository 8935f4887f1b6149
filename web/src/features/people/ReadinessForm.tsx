import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PersonDetail, type ReadinessItem, setReadinessSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useSetReadiness } from './api';

type ReadinessRecord = NonNullable<PersonDetail['readinessItems']>[number];

interface ReadinessValues {
  completedOn: string;
  expiresOn: string;
  reference: string;
  passportNumber: string;
}

function toRequest(values: ReadinessValues) {
  return {
    // An empty date is "required" (or, for a passport, an issue date not known), not "not a date".
    completedOn: blankToNull(values.completedOn),
    expiresOn: blankToNull(values.expiresOn),
    reference: blankToNull(values.reference),
    // Left empty, the number on record stays; typed with spaces or in lower case, it is still the number.
    passportNumber: blankToNull(values.passportNumber.replace(/\s/g, '').toUpperCase()) ?? undefined,
  };
}

interface ReadinessFormProps {
  person: Pick<PersonDetail, 'id' | 'version'>;
  item: ReadinessItem;
  current: ReadinessRecord | undefined;
  onDone: (isSaved: boolean) => void;
}

/** Records one readiness item, replacing what was on record for it. */
export function ReadinessForm({ person, item, current, onDone }: ReadinessFormProps) {
  const { t } = useTranslation();
  const save = useSetReadiness(person, item);
  const isPassport = item === 'passport';
  const form = useForm({
    defaultValues: { completedOn: current?.completedOn ?? '', expiresOn: current?.expiresOn ?? '', reference: current?.reference ?? '', passportNumber: '' },
    resolver: apiResolver({
      schema: setReadinessSchema,
      toRequest,
      // The API asks for a passport's expiry, and every other item's date, once the request reaches it.
      check: (values) => {
        if (isPassport) return values.expiresOn ? [] : [{ field: 'expiresOn', message: t('readiness.passportExpiryRequired') }];
        return values.completedOn ? [] : [{ field: 'completedOn', message: t('readiness.completedOnRequired') }];
      },
    }),
    shouldFocusError: false,
  });

  return (
    <Form
      form={form}
      idPrefix={`readiness-${item}`}
      labels={{
        completedOn: t(`readiness.completedLabels.${item}`),
        expiresOn: t('readiness.fields.expiresOn'),
        reference: t('readiness.fields.reference'),
        passportNumber: t('readiness.fields.passportNumber'),
      }}
      submitLabel={t('readiness.save')}
      cancel={() => onDone(false)}
      onSubmit={async (body) => {
        await save.mutateAsync(body);
        onDone(true);
      }}
    >
      <div className="inline-fields">
        <DateField name="completedOn" isRequired={!isPassport} hint={isPassport ? t('readiness.hints.passportIssued') : undefined} />
        <DateField name="expiresOn" isRequired={isPassport} hint={t(isPassport ? 'readiness.hints.passportExpiry' : 'readiness.hints.expiresOn')} />
      </div>
      <TextField name="reference" hint={t(item === 'security_clearance' ? 'readiness.hints.clearanceLevel' : 'readiness.hints.reference')} />
      {isPassport && (
        <TextField
          name="passportNumber"
          autoComplete="off"
          inputClassName="usa-input--medium"
          hint={current?.passportNumberMasked ? t('readiness.hints.passportNumberKept', { masked: current.passportNumberMasked }) : t('readiness.hints.passportNumber')}
        />
      )}
    </Form>
  );
}
