import { Alert } from '../../components/Alert';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agreement, PartnershipDetail } from '../../api/schemas';
import { type Column, DataTable } from '../../components/DataTable';
import { formatDate, formatMoney } from '../../components/format';
import { AgreementForm } from './AgreementForm';

const STATUS_CLASS: Record<Agreement['status'], string> = {
  unsigned: 'bg-base-dark',
  in_force: 'bg-success-darker',
  expired: 'bg-secondary-dark',
};

/** A partnership's agreements; `canAdd` when the role may record agreements at all. */
export function AgreementsSection({ partnership, canAdd }: { partnership: PartnershipDetail; canAdd: boolean }) {
  const { t } = useTranslation();
  const [isAdding, setIsAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  // The button and the form replace each other, so focus follows to whichever is shown.
  const open = () => {
    flushSync(() => {
      setAdded(null);
      setIsAdding(true);
    });
    formHeading.current?.focus();
  };
  const close = (agreement: Agreement | null) => {
    flushSync(() => {
      setIsAdding(false);
      if (agreement) setAdded(agreement.reference);
    });
    addButton.current?.focus();
  };

  const columns: Column<Agreement>[] = [
    {
      key: 'reference',
      header: t('agreements.fields.reference'),
      cell: (agreement) => (
        <>
          {agreement.reference}
          {agreement.title && <span className="display-block text-normal">{agreement.title}</span>}
        </>
      ),
    },
    { key: 'kind', header: t('agreements.fields.kind'), cell: (agreement) => t(`agreementKinds.${agreement.kind}`) },
    {
      key: 'status',
      header: t('agreements.fields.status'),
      cell: (agreement) => <span className={`usa-tag ${STATUS_CLASS[agreement.status]}`}>{t(`agreementStatuses.${agreement.status}`)}</span>,
    },
    { key: 'signed', header: t('agreements.fields.signedOn'), cell: (agreement) => formatDate(agreement.signedOn) },
    { key: 'renewal', header: t('agreements.fields.renewalDueOn'), cell: (agreement) => formatDate(agreement.renewalDueOn) },
    { key: 'expires', header: t('agreements.fields.expiresOn'), cell: (agreement) => formatDate(agreement.expiresOn) },
    {
      key: 'ceiling',
      header: t('agreements.fields.reimbursementCeiling'),
      cell: (agreement) => formatMoney(agreement.reimbursementCeilingCents, agreement.currency),
    },
  ];
  // Most agreements take effect when signed: the column is there when one does not.
  if (partnership.agreements.some((agreement) => agreement.effectiveOn !== null)) {
    columns.splice(4, 0, { key: 'effective', header: t('agreements.fields.effectiveOn'), cell: (agreement) => formatDate(agreement.effectiveOn) });
  }
  // The column is there when some agreement may be corrected; each row's link follows what the server allows on it.
  if (partnership.agreements.some((agreement) => agreement.allowedActions.includes('update'))) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (agreement) =>
        agreement.allowedActions.includes('update') && (
          <Link to={`/partnerships/agreements/${agreement.id}/edit`} aria-label={t('agreements.editLabel', { reference: agreement.reference })}>
            {t('common.edit')}
          </Link>
        ),
    });
  }

  return (
    <section aria-labelledby="agreements-heading" className="margin-top-5">
      <h2 id="agreements-heading">{t('agreements.heading')}</h2>
      {added && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {t('agreements.added', { reference: added })}
        </Alert>
      )}
      <DataTable
        caption={t('agreements.caption', { name: partnership.organization.name })}
        isCaptionHidden
        columns={columns}
        rows={partnership.agreements}
        rowKey={(agreement) => agreement.id}
        empty={t('agreements.empty')}
      />
      {canAdd && !isAdding && (
        <button ref={addButton} type="button" className="usa-button usa-button--outline margin-top-2" onClick={open}>
          {t('agreements.add')}
        </button>
      )}
      {canAdd && isAdding && (
        <div className="margin-top-3 border-top border-base-lighter padding-top-2">
          <h3 ref={formHeading} tabIndex={-1} className="margin-top-0">
            {t('agreements.addHeading')}
          </h3>
          <AgreementForm partnershipId={partnership.id} onDone={close} />
        </div>
      )}
    </section>
  );
}
