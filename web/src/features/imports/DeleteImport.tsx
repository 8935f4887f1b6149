import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Import } from '../../api/schemas';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useDeleteImport } from './api';

/**
 * Deletes the import: its file and its problems. What a commit wrote stays, and the question says
 * so; the audit log keeps that the import existed.
 */
export function DeleteImport({ view }: { view: Import }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteImport(view);
  const question =
    view.status === 'committed' ? t(`imports.delete.questionCommitted.${view.kind}`, { filename: view.filename }) : t('imports.delete.question', { filename: view.filename });
  return (
    <section aria-labelledby="import-delete-heading" className="margin-top-5 border-top border-base-lighter padding-top-2">
      <h2 id="import-delete-heading">{t('imports.delete.heading')}</h2>
      <p className="measure-5">{t('imports.delete.body')}</p>
      <ConfirmButton
        label={t('imports.delete.button')}
        question={question}
        yes={t('imports.delete.yes')}
        no={t('imports.delete.no')}
        onConfirm={() =>
          remove.mutate(undefined, { onSuccess: () => void navigate('/imports', { state: { notice: t('imports.delete.deleted', { filename: view.filename }) } }) })
        }
        isPending={remove.isPending}
        error={remove.error}
      />
    </section>
  );
}
