import { useTranslation } from 'react-i18next';
import type { ImportMapping } from '../../api/schemas';
import { ConfirmButton } from '../../components/ConfirmButton';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAllImportMappings, useDeleteMapping } from './api';

/**
 * The saved column mappings the user may apply, each with what it maps and who keeps it; its
 * keeper may delete it (files it already mapped keep their columns).
 */
export function SavedMappings() {
  const { t } = useTranslation();
  const mappings = useAllImportMappings();
  const remove = useDeleteMapping();
  const columns: Column<ImportMapping>[] = [
    { key: 'name', header: t('imports.mappings.fields.name'), cell: (mapping) => mapping.name },
    { key: 'kind', header: t('imports.mappings.fields.kind'), cell: (mapping) => t(`imports.kinds.${mapping.kind}`) },
    {
      key: 'columns',
      header: t('imports.mappings.fields.columns'),
      cell: (mapping) => t('imports.mappings.columns', { mapped: Object.keys(mapping.columns).length, leftOut: mapping.leftOut.length }),
    },
    { key: 'scope', header: t('imports.mappings.fields.scope'), cell: (mapping) => t(`imports.mappings.scopes.${mapping.scope}`) },
    {
      key: 'action',
      header: t('imports.mappings.fields.action'),
      cell: (mapping) =>
        mapping.allowedActions.includes('delete') ? (
          <ConfirmButton
            label={t('imports.mappings.delete')}
            ariaLabel={t('imports.mappings.deleteLabel', { name: mapping.name })}
            question={t('imports.mappings.question', { name: mapping.name })}
            yes={t('imports.mappings.yes')}
            no={t('imports.mappings.no')}
            onConfirm={() => remove.mutate(mapping.id)}
            isPending={remove.isPending}
            error={remove.variables === mapping.id ? remove.error : null}
          />
        ) : null,
    },
  ];
  return (
    <section aria-labelledby="saved-mappings-heading" className="margin-top-5">
      <h2 id="saved-mappings-heading">{t('imports.mappings.heading')}</h2>
      <p className="measure-5">{t('imports.mappings.lead')}</p>
      {mappings.isPending && <Loading />}
      {mappings.isError && <ProblemAlert error={mappings.error} headingLevel="h3" />}
      {mappings.data && <DataTable caption={t('imports.mappings.caption')} isCaptionHidden columns={columns} rows={mappings.data} rowKey={(mapping) => mapping.id} empty={t('imports.mappings.empty')} />}
    </section>
  );
}
