import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { formatCount, formatInstant } from '../../components/format';
import { useImport } from './api';

/**
 * Above a list opened from an import ("See the people"): says that the list holds exactly the
 * records that import created or changed, how many, and leads back to the import or to everyone.
 */
export function ImportedRecordsNotice({ records }: { records: 'people' | 'organizations' }) {
  const [params] = useSearchParams();
  const importId = params.get('importId');
  if (!importId) return null;
  return <Notice importId={importId} records={records} />;
}

function Notice({ importId, records }: { importId: string; records: 'people' | 'organizations' }) {
  const { t } = useTranslation();
  const view = useImport(importId);
  const count = view.data?.summary ? view.data.summary.created + view.data.summary.updated : null;
  return (
    <Alert type="info" headingLevel="h2" isSlim className="margin-bottom-3">
      <p className="margin-top-0">
        {count === null
          ? t(`imports.linked.${records}Unknown`)
          : t(`imports.linked.${records}`, { count, formatted: formatCount(count), file: view.data?.filename, on: formatInstant(view.data?.finishedAt) })}
      </p>
      <p className="margin-bottom-0">
        <Link to={`/imports/${importId}`}>{t('imports.linked.backToImport')}</Link>
        {' · '}
        <Link to={records === 'people' ? '/people' : '/organizations'}>{t(`imports.linked.${records}All`)}</Link>
      </p>
    </Alert>
  );
}
