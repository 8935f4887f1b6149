import { useTranslation } from 'react-i18next';

const MAX_VALUE = 80;

function show(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields an event changed; for a creation, the fields it set. */
export function changesOf(before: unknown, after: unknown): Change[] {
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, before: from[field], after: to[field] }));
}

/** before → after, compactly: one line per changed field. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  // Sign-ins and the like carry no record to compare.
  if ((before === null || before === undefined) && (after === null || after === undefined)) return null;
  const changes = changesOf(before, after);
  if (changes.length === 0) return <span className="text-base-dark">{t('audit.noChanges')}</span>;
  const isCreation = before === null || before === undefined;
  return (
    <ul className="audit-diff">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="audit-diff__field">{change.field}</span>{' '}
          {isCreation ? (
            <code className="audit-diff__after">{show(change.after)}</code>
          ) : (
            <>
              <del className="audit-diff__before">
                <span className="usa-sr-only">{t('audit.was')} </span>
                {show(change.before)}
              </del>{' '}
              <span aria-hidden="true">→</span>{' '}
              <ins className="audit-diff__after">
                <span className="usa-sr-only">{t('audit.now')} </span>
                {show(change.after)}
              </ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
