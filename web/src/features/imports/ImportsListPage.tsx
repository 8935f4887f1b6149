import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportListItem } from '../../api/schemas';
import { type Column, PagedTable } from '../../components/DataTable';
import { formatCount, formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useImportList } from './api';
import { ImportOutcome, ImportStatus } from './ImportStatus';
import { SavedMappings } from './SavedMappings';

/**
 * The imports the user may see, newest first (staff all, a coordinator their agency's, an
 * instructor their own), and the saved column mappings they may apply.
 */
export function ImportsListPage() {
  const { t } = useTranslation();
  const query = useImportList({ limit: 25 });
  const columns: Column<ImportListItem>[] = [
    { key: 'file', header: t('imports.fields.file'), cell: (item) => <Link to={`/imports/${item.id}`}>{item.filename}</Link> },
    { key: 'kind', header: t('imports.fields.kind'), cell: (item) => t(`imports.kinds.${item.kind}`) },
    { key: 'status', header: t('imports.fields.status'), cell: (item) => <ImportStatus status={item.status} /> },
    { key: 'rows', header: t('imports.fields.rows'), cell: (item) => formatCount(item.rowCount) },
    { key: 'problems', header: t('imports.fields.problems'), cell: (item) => (item.problemCount === null ? '' : formatCount(item.problemCount)) },
    { key: 'outcome', header: t('imports.fields.outcome'), cell: (item) => <ImportOutcome summary={item.summary} /> },
    { key: 'created', header: t('imports.fields.created'), cell: (item) => formatInstant(item.createdAt) },
  ];
  return (
    <>
      <PageHeader
        title={t('imports.title')}
        lead={t('imports.lead')}
        actions={
          <Link to="/imports/new" className="usa-button">
            {t('nav.newImport')}
          </Link>
        }
      />
      <PagedTable query={query} caption={t('imports.caption')} isCaptionHidden columns={columns} rowKey={(item) => item.id} empty={t('imports.empty')} />
      <SavedMappings />
    </>
  );
}
