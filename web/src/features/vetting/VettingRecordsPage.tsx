import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type VettingRecord, VETTING_STATUSES } from '../../api/schemas';
import { useCan } from '../../api/session';
import { type Column, PagedTable } from '../../components/DataTable';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useVettingList } from './api';
import { caseColumns, personColumn } from './vettingColumns';
import { VettingStatusTag } from './VettingStatusTag';

const FILTERS = ['status'] as const;

/** Every vetting case, latest submitted first. */
export function VettingRecordsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const query = useVettingList({ ...filters, limit: 25 });
  const columns: Column<VettingRecord>[] = [
    personColumn(t),
    ...caseColumns(t),
    { key: 'status', header: t('vetting.fields.status'), cell: (record) => <VettingStatusTag status={record.status} /> },
    { key: 'resultOn', header: t('vetting.fields.resultOn'), cell: (record) => formatDate(record.resultOn) },
    { key: 'validUntil', header: t('vetting.fields.validUntil'), cell: (record) => formatDate(record.validUntil) },
  ];
  return (
    <>
      <PageHeader
        title={t('vetting.recordsTitle')}
        actions={
          can('vetting', 'create') && (
            <Link to="/vetting/new" className="usa-button">
              {t('nav.submitVetting')}
            </Link>
          )
        }
      />
      <FilterBar names={FILTERS} label={t('vetting.filtersLabel')}>
        <FilterSelect
          name="status"
          label={t('vetting.fields.status')}
          options={VETTING_STATUSES.map((status) => ({ value: status, label: t(`vettingStatuses.${status}`) }))}
          allLabel={t('vetting.allStatuses')}
        />
      </FilterBar>
      <PagedTable query={query} caption={t('vetting.recordsTitle')} isCaptionHidden columns={columns} rowKey={(record) => record.id} empty={t('vetting.empty')} />
    </>
  );
}
