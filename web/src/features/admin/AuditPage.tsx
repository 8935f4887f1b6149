import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditEvent } from '../../api/schemas';
import { type Column, PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useAuditLog } from './api';
import { AuditDiff } from './AuditDiff';
import { VerifyChain } from './VerifyChain';

const FILTERS = ['entityType', 'action'] as const;
const ENTITY_TYPES = ['organization', 'partnership', 'agreement', 'engagement', 'task', 'user', 'api_token'] as const;

/** The append-only audit log, newest first, with what each change did. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const query = useAuditLog({ ...filters, limit: 50 });

  const columns: Column<AuditEvent>[] = [
    {
      key: 'when',
      header: t('audit.fields.when'),
      cell: (event) => (
        <>
          {formatInstant(event.occurredAt)}
          <span className="display-block text-base-dark text-normal">#{event.seq}</span>
        </>
      ),
    },
    { key: 'who', header: t('audit.fields.who'), cell: (event) => event.actorLabel },
    {
      key: 'what',
      header: t('audit.fields.what'),
      cell: (event) => (
        <>
          <code>{event.action}</code>
          {event.entityId && <span className="display-block text-base-dark audit-entity">{`${event.entityType} ${event.entityId}`}</span>}
        </>
      ),
    },
    { key: 'changes', header: t('audit.fields.changes'), cell: (event) => <AuditDiff before={event.before} after={event.after} /> },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} actions={<ExportLinks path="/audit" params={filters} />} />
      <VerifyChain />
      <FilterBar names={FILTERS} label={t('audit.filtersLabel')}>
        <FilterSelect
          name="entityType"
          label={t('audit.fields.entityType')}
          options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entityTypes.${type}`) }))}
          allLabel={t('audit.allEntityTypes')}
        />
        <FilterInput name="action" label={t('audit.fields.action')} hint={t('audit.actionHint')} />
      </FilterBar>
      <PagedTable query={query} caption={t('audit.caption')} isCaptionHidden columns={columns} rowKey={(event) => event.id} empty={t('audit.empty')} />
    </>
  );
}
