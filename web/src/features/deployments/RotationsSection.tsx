import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { DeploymentDetail } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { formatCount, formatDate } from '../../components/format';
import { RotationForm } from './RotationForm';

type Rotation = DeploymentDetail['rotations'][number];

/** Each rotation's places: authorized, taken by selected officers, and deployed. */
export function RotationsSection({ deployment, canAdd }: { deployment: DeploymentDetail; canAdd: boolean }) {
  const { t } = useTranslation();
  const [isAdding, setIsAdding] = useState(false);
  const [isAdded, setIsAdded] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  // The button and the form replace each other, so focus follows to whichever is shown.
  const open = () => {
    flushSync(() => {
      setIsAdded(false);
      setIsAdding(true);
    });
    formHeading.current?.focus();
  };
  const close = (added: boolean) => {
    flushSync(() => {
      setIsAdding(false);
      setIsAdded(added);
    });
    addButton.current?.focus();
  };

  const columns: Column<Rotation>[] = [
    { key: 'rotation', header: t('rotations.fields.rotation'), cell: (rotation) => t('rotations.name', { number: rotation.sequence }) },
    { key: 'dates', header: t('rotations.fields.dates'), cell: (rotation) => t('common.dateRange', { from: formatDate(rotation.startOn), to: formatDate(rotation.endOn) }) },
    { key: 'authorized', header: t('rotations.fields.authorized'), cell: (rotation) => formatCount(rotation.authorizedHeadcount) },
    { key: 'selected', header: t('rotations.fields.selected'), cell: (rotation) => formatCount(rotation.selectedCount) },
    { key: 'deployed', header: t('rotations.fields.deployed'), cell: (rotation) => formatCount(rotation.deployedCount) },
  ];

  return (
    <section aria-labelledby="rotations-heading" className="margin-top-5">
      <h2 id="rotations-heading">{t('rotations.heading')}</h2>
      {isAdded && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {t('rotations.added')}
        </Alert>
      )}
      <DataTable caption={t('rotations.caption')} isCaptionHidden columns={columns} rows={deployment.rotations} rowKey={(rotation) => rotation.id} empty="" />
      {canAdd && !isAdding && (
        <button ref={addButton} type="button" className="usa-button usa-button--outline margin-top-2" onClick={open}>
          {t('rotations.add')}
        </button>
      )}
      {canAdd && isAdding && (
        <div className="margin-top-3 border-top border-base-lighter padding-top-2">
          <h3 ref={formHeading} tabIndex={-1} className="margin-top-0">
            {t('rotations.addHeading')}
          </h3>
          <RotationForm deploymentId={deployment.id} onDone={close} />
        </div>
      )}
    </section>
  );
}
