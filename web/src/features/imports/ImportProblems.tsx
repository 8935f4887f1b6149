import { useTranslation } from 'react-i18next';
import type { Import, ImportProblem } from '../../api/schemas';
import { type Column, PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { formatCount } from '../../components/format';
import { useImportProblems } from './api';

/** Every problem found, by row and column, page by page; the whole list downloads as CSV or XLSX. */
export function ImportProblems({ view }: { view: Import }) {
  const { t } = useTranslation();
  const query = useImportProblems(view.id, true);
  const columns: Column<ImportProblem>[] = [
    { key: 'row', header: t('imports.problems.row'), cell: (problem) => formatCount(problem.row) },
    { key: 'column', header: t('imports.problems.column'), cell: (problem) => problem.columnName ?? (problem.column === null ? '' : formatCount(problem.column + 1)) },
    { key: 'value', header: t('imports.problems.value'), cell: (problem) => (problem.value ? <code className="import-value">{problem.value}</code> : '') },
    { key: 'reason', header: t('imports.problems.reason'), cell: (problem) => problem.reason },
  ];
  return (
    <section aria-labelledby="import-problems-heading" className="margin-top-4">
      <div className="import-section-header">
        <h2 id="import-problems-heading">{t('imports.problems.heading', { count: view.problemCount ?? 0, formatted: formatCount(view.problemCount ?? 0) })}</h2>
        <div className="import-section-header__actions">
          <ExportLinks path={`/imports/${view.id}/problems`} params={{}} />
        </div>
      </div>
      <PagedTable query={query} caption={t('imports.problems.caption')} isCaptionHidden columns={columns} rowKey={(problem) => `${problem.row}-${problem.column ?? ''}-${problem.reason}`} empty={t('imports.problems.none')} />
    </section>
  );
}
