import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Import } from '../../api/schemas';
import { choosesAgency, useCan, useCurrentUser } from '../../api/session';
import { Alert } from '../../components/Alert';
import { formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isWorking, useImport } from './api';
import { AgencyForm } from './AgencyForm';
import { DeleteImport } from './DeleteImport';
import { ImportActions, isAgencyMissing } from './ImportActions';
import { ImportProblems } from './ImportProblems';
import { ImportStatus } from './ImportStatus';
import { MappingForm } from './MappingForm';
import { ReadingForm } from './ReadingForm';

/**
 * One import, from upload to outcome: how the file reads, where each column goes, every problem
 * by row and column, then the import itself, all or nothing or the valid rows only; and its deletion.
 */
export function ImportPage() {
  const { id = '' } = useParams();
  const query = useImport(id);
  if (query.isPending) return <Loading />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  return <ImportView key={query.data.id} view={query.data} />;
}

function ImportView({ view }: { view: Import }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const [hasUnsavedColumns, setHasUnsavedColumns] = useState(false);
  // Once the user tried to go on with columns undecided, those columns are marked until decided.
  const [showUndecided, setShowUndecided] = useState(false);
  // Once written, or while checking and writing, how the file is read no longer changes.
  const isEditable = !isWorking(view.status) && view.status !== 'committed';
  return (
    <>
      <PageHeader
        title={view.filename}
        lead={
          <>
            {t(`imports.kinds.${view.kind}`)} · <ImportStatus status={view.status} />
          </>
        }
        actions={
          <Link to="/imports" className="usa-button usa-button--outline">
            {t('imports.backToList')}
          </Link>
        }
      />
      {view.sameFileImportedAt && view.status !== 'committed' && (
        <Alert type="info" headingLevel="h2" heading={t('imports.sameFile.heading')}>
          {t('imports.sameFile.body', { when: formatInstant(view.sameFileImportedAt) })}
        </Alert>
      )}
      <ImportActions view={view} hasUnsavedColumns={hasUnsavedColumns} onUndecidedShown={() => setShowUndecided(true)} />
      {(view.problemCount ?? 0) > 0 && <ImportProblems view={view} />}
      {isEditable && isAgencyMissing(view) && choosesAgency(user, can) && <AgencyForm view={view} />}
      <ReadingForm view={view} isEditable={isEditable} />
      <MappingForm view={view} isEditable={isEditable} onUnsavedChange={setHasUnsavedColumns} showUndecided={showUndecided} />
      {view.allowedActions.includes('delete') && !isWorking(view.status) && <DeleteImport view={view} />}
    </>
  );
}
