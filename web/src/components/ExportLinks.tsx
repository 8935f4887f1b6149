import { useTranslation } from 'react-i18next';
import { apiUrl, type QueryParams } from '../api/client';

/**
 * "Export CSV" and "Export XLSX" of a list, with the filters on screen: the API answers every
 * matching record (not only the pages loaded), so what is downloaded is what was asked for.
 */
export function ExportLinks({ path, params }: { path: string; params: QueryParams }) {
  const { t } = useTranslation();
  // Paging belongs to the screen; an export is the whole list.
  const { limit: _limit, cursor: _cursor, ...filters } = params;
  return (
    <>
      <a className="usa-button usa-button--outline" href={apiUrl(path, { ...filters, format: 'csv' })} download>
        {t('common.exportCsv')}
      </a>
      <a className="usa-button usa-button--outline" href={apiUrl(path, { ...filters, format: 'xlsx' })} download>
        {t('common.exportXlsx')}
      </a>
    </>
  );
}
