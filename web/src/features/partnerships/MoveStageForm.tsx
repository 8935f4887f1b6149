import { Alert } from '../../components/Alert';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changeStageSchema, type PartnershipDetail, type Stage } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { SelectField, TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useChangeStage } from './api';

interface MoveValues {
  stage: string;
  on: string;
  note: string;
}

const EMPTY: MoveValues = { stage: '', on: '', note: '' };

/**
 * "Move to…": offers only the stages the API allows next. When a rule forbids the move (no
 * agreement in force for "active"), the API's message is shown as it stands.
 */
export function MoveStageForm({ partnership }: { partnership: PartnershipDetail }) {
  const { t } = useTranslation();
  const change = useChangeStage(partnership);
  const [movedTo, setMovedTo] = useState<Stage | null>(null);
  const form = useForm({
    defaultValues: EMPTY,
    resolver: apiResolver({
      schema: changeStageSchema,
      toRequest: (values: MoveValues) => ({ stage: (values.stage || undefined) as Stage, on: blankToNull(values.on) ?? undefined, note: blankToNull(values.note) }),
    }),
    shouldFocusError: false,
  });

  return (
    <section aria-labelledby="move-stage-heading" className="move-stage margin-top-4 border-2px border-base-lighter padding-2 tablet:padding-3 radius-md">
      <h2 id="move-stage-heading" className="margin-top-0">
        {t('partnerships.moveHeading')}
      </h2>
      {movedTo && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {t('partnerships.moved', { stage: t(`stages.${movedTo}`) })}
        </Alert>
      )}
      <Form
        form={form}
        idPrefix="move"
        labels={{ stage: t('partnerships.fields.moveTo'), on: t('partnerships.fields.movedOn'), note: t('partnerships.fields.note') }}
        hasRequiredNote={false}
        submitLabel={t('partnerships.move')}
        onSubmit={async (body) => {
          setMovedTo(null);
          const saved = await change.mutateAsync(body);
          setMovedTo(saved.stage);
          form.reset(EMPTY);
        }}
      >
        <div className="inline-fields">
          <SelectField
            name="stage"
            isRequired
            placeholder={t('common.select')}
            options={partnership.allowedStages.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
          />
          <DateField name="on" hint={t('partnerships.hints.movedOn')} />
        </div>
        <TextAreaField name="note" className="short-textarea" />
      </Form>
    </section>
  );
}
