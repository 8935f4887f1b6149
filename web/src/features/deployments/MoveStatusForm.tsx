import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changeDeploymentStatusSchema, type DeploymentDetail, type DeploymentStatus } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { DateField } from '../../components/form/DateField';
import { Form } from '../../components/form/Form';
import { SelectField, TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useChangeDeploymentStatus } from './api';

interface MoveValues {
  status: string;
  note: string;
  on: string;
}

const EMPTY: MoveValues = { status: '', note: '', on: '' };

/**
 * "Move to…": offers only the statuses the API allows next. When a rule forbids the move (no
 * one deployed yet for "in country"), the API's message is shown as it stands.
 */
export function MoveStatusForm({ deployment }: { deployment: DeploymentDetail }) {
  const { t } = useTranslation();
  const change = useChangeDeploymentStatus(deployment);
  const [movedTo, setMovedTo] = useState<DeploymentStatus | null>(null);
  const form = useForm({
    defaultValues: EMPTY,
    resolver: apiResolver({
      schema: changeDeploymentStatusSchema,
      toRequest: (values: MoveValues) => ({ status: (values.status || undefined) as DeploymentStatus, note: blankToNull(values.note), on: values.on || undefined }),
    }),
    shouldFocusError: false,
  });

  return (
    <section aria-labelledby="move-status-heading" className="move-stage margin-top-4 border-2px border-base-lighter padding-2 tablet:padding-3 radius-md">
      <h2 id="move-status-heading" className="margin-top-0">
        {t('deployments.moveHeading')}
      </h2>
      {movedTo && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {t('deployments.moved', { status: t(`deploymentStatuses.${movedTo}`) })}
        </Alert>
      )}
      <Form
        form={form}
        idPrefix="move"
        labels={{ status: t('deployments.fields.moveTo'), note: t('deployments.fields.note'), on: t('deployments.fields.on') }}
        hasRequiredNote={false}
        submitLabel={t('deployments.move')}
        onSubmit={async (body) => {
          setMovedTo(null);
          const saved = await change.mutateAsync(body);
          setMovedTo(saved.status);
          form.reset(EMPTY);
        }}
      >
        <SelectField
          name="status"
          isRequired
          placeholder={t('common.select')}
          options={deployment.allowedStatuses.map((status) => ({ value: status, label: t(`deploymentStatuses.${status}`) }))}
        />
        <DateField name="on" hint={t('deployments.hints.on')} />
        <TextAreaField name="note" className="short-textarea" hint={t('deployments.hints.note')} />
      </Form>
    </section>
  );
}
