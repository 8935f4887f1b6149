import type { ImportMappingRow, ImportRow } from '../../platform/db/schema.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { localize } from '../../platform/i18n/messages.js';
import type { Detection } from './imports.detect.js';
import { importsText, wordsIn } from './imports.messages.js';
import { accountColumns, columnName } from './imports.columns.js';
import { fieldLabel, maskedPreview, missingRequired } from './imports.fields.js';
import { dateOrder, mappingOf, parseJson } from './imports.run.js';
import type { ImportListItem, ImportSummary, ImportView, MappingView } from './imports.schemas.js';

/**
 * An import as the API shows it: its row, with the progress of the run going (read from the work
 * run, which any process sees) or, when that run was cut off, as failed.
 */
export function toImportView(
  row: ImportRow,
  state: { running: { progress: number; message: string | null } | undefined; abandoned: boolean; sameFileImportedAt: string | null; allowedActions: ImportView['allowedActions']; locale: Locale },
): ImportView {
  const { running, abandoned, locale } = state;
  const kind = row.kind;
  const headers = parseJson<string[]>(row.headers, []);
  const preview = parseJson<ImportView['preview']>(row.preview, []);
  const columns = accountColumns({ headers, preview, mapping: mappingOf(row), leftOut: parseJson<number[]>(row.left_out, []) });
  const order = dateOrder(row);
  return {
    id: row.id,
    kind,
    status: abandoned ? 'failed' : (row.status),
    filename: row.filename,
    format: row.format,
    byteSize: row.byte_size,
    sha256: row.sha256,
    encoding: row.encoding,
    delimiter: row.delimiter,
    sheet: row.sheet,
    sheets: parseJson<string[]>(row.sheets, []),
    headerRow: row.header_row,
    headers,
    preview: maskedPreview(kind, mappingOf(row), preview),
    mapping: columns,
    missingFields: missingRequired(kind, mappingOf(row)).map((f) => localize(fieldLabel(kind, f), locale)),
    unconfirmedColumns: columns.filter((c) => c.state === 'unconfirmed').map((c) => columnName(c.header, c.column)),
    dateFormat: order.format,
    dateFormatStatus: order.status,
    organizationId: row.organization_id,
    offeringId: row.offering_id,
    rowCount: row.row_count,
    validCount: row.valid_count,
    problemCount: row.problem_count,
    progress: running?.progress ?? row.progress,
    message: abandoned ? importsText('run.cutOff').in(locale) : wordsIn(running ? running.message : row.message, locale),
    mode: row.mode,
    summary: parseJson<ImportSummary | null>(row.summary, null),
    sameFileImportedAt: state.sameFileImportedAt,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    version: row.version,
    allowedActions: state.allowedActions,
  };
}

/** An import in a list: the view without its columns and preview. */
export function toListItem(view: ImportView): ImportListItem {
  const { id, kind, status, filename, byteSize, sha256, rowCount, validCount, problemCount, progress, summary, createdAt, finishedAt } = view;
  return { id, kind, status, filename, byteSize, sha256, rowCount, validCount, problemCount, progress, summary, createdAt, finishedAt };
}

/** A saved mapping; its scope as the user knows it (the office's, their agency's, their own). */
export function toMappingView(row: ImportMappingRow, allowedActions: MappingView['allowedActions']): MappingView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    scope: row.scope === 'office' ? 'office' : row.scope.startsWith('user:') ? 'own' : 'agency',
    columns: parseJson<Record<string, string>>(row.columns, {}),
    leftOut: parseJson<string[]>(row.left_out, []),
    dateFormat: row.date_format,
    createdAt: row.created_at,
    allowedActions,
  };
}

/** How a file was found to read, as the import's row keeps it. */
export function detectionColumns(detection: Detection) {
  return {
    format: detection.format,
    encoding: detection.encoding,
    delimiter: detection.delimiter,
    sheet: detection.sheet,
    sheets: JSON.stringify(detection.sheets),
    header_row: detection.headerRow,
    headers: JSON.stringify(detection.headers),
    preview: JSON.stringify(detection.preview),
    column_dates: JSON.stringify(detection.columnDates),
    mapping: JSON.stringify(detection.mapping),
  };
}
