import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { type PersonDetail, type ReadinessItem, readinessItemSchema } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';
import { PassportReveal } from './PassportReveal';
import { ReadinessBadge } from './ReadinessBadge';
import { ReadinessForm } from './ReadinessForm';

type ReadinessRecord = NonNullable<PersonDetail['readinessItems']>[number];
interface Row {
  item: ReadinessItem;
  record: ReadinessRecord | undefined;
}

interface ReadinessSectionProps {
  person: PersonDetail;
  canEdit: boolean;
  canReveal: boolean;
}

/**
 * The seven readiness items, recorded or not, each with a button that opens its form under the
 * table; focus moves to the form and back to the button, as the agreements section does.
 */
export function ReadinessSection({ person, canEdit, canReveal }: ReadinessSectionProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<ReadinessItem | null>(null);
  const [saved, setSaved] = useState<ReadinessItem | null>(null);
  const records = person.readinessItems ?? [];
  const rows: Row[] = readinessItemSchema.options.map((item) => ({ item, record: records.find((record) => record.item === item) }));

  const open = (item: ReadinessItem) => {
    flushSync(() => {
      setSaved(null);
      setEditing(item);
    });
    document.getElementById('readiness-form-heading')?.focus();
  };
  const close = (item: ReadinessItem, isSaved: boolean) => {
    flushSync(() => {
      setEditing(null);
      setSaved(isSaved ? item : null);
    });
    document.getElementById(`readiness-edit-${item}`)?.focus();
  };

  const columns: Column<Row>[] = [
    {
      key: 'item',
      header: t('readiness.fields.item'),
      cell: ({ item, record }) => (
        <>
          {t(`readiness.items.${item}`)}
          {item === 'passport' && record?.passportNumberMasked && (
            <span className="display-block text-normal">
              <PassportReveal personId={person.id} masked={record.passportNumberMasked} canReveal={canReveal} />
            </span>
          )}
        </>
      ),
    },
    { key: 'completed', header: t('readiness.fields.completedOn'), cell: ({ record }) => (record ? formatDate(record.completedOn) || t('readiness.issuedNotKnown') : t('readiness.notRecorded')) },
    { key: 'expires', header: t('readiness.fields.expiresOn'), cell: ({ record }) => formatDate(record?.expiresOn) },
    { key: 'reference', header: t('readiness.fields.reference'), cell: ({ record }) => record?.reference ?? '' },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: ({ item, record }) => (
        <button
          id={`readiness-edit-${item}`}
          type="button"
          className="usa-button usa-button--outline usa-button--small"
          aria-label={t(record ? 'readiness.updateLabel' : 'readiness.recordLabel', { item: t(`readiness.items.${item}`) })}
          onClick={() => open(item)}
        >
          {record ? t('readiness.update') : t('readiness.record')}
        </button>
      ),
    });
  }

  return (
    <section aria-labelledby="readiness-heading" className="margin-top-5">
      <h2 id="readiness-heading">{t('readiness.heading')}</h2>
      {person.readiness && (
        <div className="margin-bottom-2">
          <ReadinessBadge readiness={person.readiness} />
        </div>
      )}
      <p className="usa-hint margin-top-0">{t('readiness.rules')}</p>
      {saved && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {t('readiness.saved', { item: t(`readiness.items.${saved}`) })}
        </Alert>
      )}
      <DataTable caption={t('readiness.caption')} isCaptionHidden columns={columns} rows={rows} rowKey={(row) => row.item} empty="" />
      {canEdit && editing && (
        <div className="margin-top-3 border-top border-base-lighter padding-top-2">
          <h3 id="readiness-form-heading" tabIndex={-1} className="margin-top-0">
            {t('readiness.formHeading', { item: t(`readiness.items.${editing}`) })}
          </h3>
          <ReadinessForm
            key={editing}
            person={person}
            item={editing}
            current={records.find((record) => record.item === editing)}
            onDone={(isSaved) => close(editing, isSaved)}
          />
        </div>
      )}
    </section>
  );
}
