import fs from 'node:fs';
import path from 'node:path';
import { buildServices } from '../app.js';
import { systemContext } from '../platform/access.js';
import { invalid } from '../platform/errors.js';
import type { RequestContext } from '../platform/access.js';
import { columnName } from '../modules/imports/imports.columns.js';
import { headerKey, IMPORT_KINDS, type ImportKind, KINDS } from '../modules/imports/imports.fields.js';
import { DATE_FORMATS, type DateFormat } from '../modules/imports/imports.values.js';
import { type ImportProblem, type ImportView, PROBLEM_TABLE } from '../modules/imports/imports.schemas.js';
import type { ImportsService } from '../modules/imports/imports.service.js';
import { csvStream } from '../platform/http/table-export.js';
import { withRuntime } from './runtime.js';

type Out = (line: string) => void;

export interface ImportOptions {
  dryRun?: boolean;
  map?: string[];
  leaveOut?: string[];
  dateFormat?: string;
  validOnly?: boolean;
  organization?: string;
  offering?: string;
  sheet?: string;
  problems?: string;
}

/** The problems shown on the terminal; `--problems FILE` writes them all. */
const SHOWN_PROBLEMS = 20;
/** The rows a partial import names before it runs; `--problems FILE` writes every problem. */
const SHOWN_ROWS_LEFT_OUT = 50;

/** A column's letter, as a spreadsheet shows it: A … Z, AA … */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A column named on the command line: its header, its 1-based number or its letter. */
function columnIndex(view: ImportView, text: string): number | undefined {
  const index = (() => {
    if (/^\d+$/.test(text)) return Number(text) - 1;
    if (/^[A-Z]{1,3}$/.test(text) && !view.headers.some((h) => h === text)) return [...text].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
    return view.headers.findIndex((h) => headerKey(h) === headerKey(text));
  })();
  return index >= 0 && index < view.mapping.length ? index : undefined;
}

function requireColumn(view: ImportView, option: string, given: string, column: string): number {
  const index = columnIndex(view, column);
  if (index === undefined) {
    const columns = view.mapping.map((m) => `${columnLetter(m.column)} ${columnName(m.header, m.column)}`).join(', ');
    throw invalid(`${option} ${given}: the file has no column “${column}”.`, [{ pointer: option, detail: `columns are: ${columns}` }]);
  }
  return index;
}

/**
 * `--map "Apellido=familyName"` (a column, by header, 1-based number or letter, to a field, by key
 * or label; `=-` leaves it out) and `--leave-out "Notas"`: the columns' new mapping and the
 * columns confirmed as left out.
 */
function columnsOf(kind: ImportKind, view: ImportView, pairs: readonly string[], leaveOut: readonly string[]) {
  const mapping = new Map(view.mapping.map((m) => [m.column, m.field]));
  const leftOut = new Set(view.mapping.filter((m) => m.state === 'left_out').map((m) => m.column));
  const setField = (index: number, field: string | null) => {
    for (const [other, f] of mapping) if (field && f === field && other !== index) mapping.set(other, null);
    mapping.set(index, field);
    if (field) leftOut.delete(index);
    else leftOut.add(index);
  };
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const [column, fieldText] = at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    const index = requireColumn(view, '--map', pair, column);
    const field = KINDS[kind].fields.find((f) => f.key === fieldText || headerKey(f.label) === headerKey(fieldText));
    if (fieldText !== '' && fieldText !== '-' && !field) {
      throw invalid(`--map ${pair}: “${fieldText}” is not a field of a ${kind} import.`, [{ pointer: '--map', detail: `fields are: ${KINDS[kind].fields.map((f) => f.key).join(', ')}` }]);
    }
    setField(index, field?.key ?? null);
  }
  for (const column of leaveOut) setField(requireColumn(view, '--leave-out', column, column), null);
  return { mapping: [...mapping].map(([column, field]) => ({ column, field })), leftOut: [...leftOut] };
}

/** Where each column goes, one line each: the field, left out, or not decided. */
function printColumns(view: ImportView, out: Out) {
  for (const m of view.mapping) {
    const where = m.state === 'mapped' ? m.field : m.state === 'left_out' ? 'left out' : m.state === 'empty' ? 'left out (empty)' : 'NOT DECIDED';
    out(`  ${columnLetter(m.column).padEnd(3)}${columnName(m.header, m.column)} → ${where}`);
  }
}

function problemLine(p: ImportProblem): string {
  return `  row ${p.row}${p.columnName ? `, ${p.columnName}` : ''}: ${p.value ? `“${p.value}” ` : ''}${p.reason}`;
}

const rowsText = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

/** Before a partial import: the rows it leaves out, and why (the first ones; `--problems FILE` has them all). */
async function printRowsLeftOut(imports: ImportsService, ctx: RequestContext, checked: ImportView, leaveOutRows: number, out: Out) {
  const valid = checked.validCount ?? 0;
  out(`Importing the ${valid.toLocaleString('en-US')} valid ${valid === 1 ? 'row' : 'rows'}, leaving out ${rowsText(leaveOutRows)}:`);
  const shownRows = new Set<number>();
  for await (const p of imports.allProblems(ctx, checked.id)) {
    if (!shownRows.has(p.row) && shownRows.size >= SHOWN_ROWS_LEFT_OUT) break;
    shownRows.add(p.row);
    out(problemLine(p));
  }
  if (leaveOutRows > shownRows.size) out(`  … and ${rowsText(leaveOutRows - shownRows.size)} more (--problems FILE writes every problem)`);
}

function progressPrinter(write: (text: string) => void, isTty: boolean) {
  let last = -1;
  return (percent: number, rows: number) => {
    if (isTty) {
      const filled = Math.round(percent / 5);
      write(`\r  [${'#'.repeat(filled)}${' '.repeat(20 - filled)}] ${String(percent).padStart(3)}%  ${rows.toLocaleString('en-US')} rows`);
      if (percent === 100) write('\n');
    } else if (Math.floor(percent / 10) !== Math.floor(last / 10)) {
      write(`  ${String(percent).padStart(3)}%  ${rows.toLocaleString('en-US')} rows\n`);
    }
    last = percent;
  };
}

/**
 * `cadre import <kind> FILE`: the same upload, detection, checks and all-or-nothing commit as the
 * web, through the same service. Exits 1 when any row has a problem.
 */
export async function importCommand(
  env: Record<string, string | undefined>,
  kindText: string,
  file: string,
  options: ImportOptions,
  io: { out: Out; progress?: ((text: string) => void) | undefined; isTty?: boolean | undefined },
): Promise<number> {
  if (!(IMPORT_KINDS as readonly string[]).includes(kindText)) throw invalid(`“${kindText}” is not a kind of import.`, [{ pointer: '<kind>', detail: `must be one of ${IMPORT_KINDS.join(', ')}` }]);
  const kind = kindText as ImportKind;
  if (options.dateFormat !== undefined && !(DATE_FORMATS as readonly string[]).includes(options.dateFormat.toUpperCase())) {
    throw invalid(`--date-format ${options.dateFormat} is not a date order.`, [{ pointer: '--date-format', detail: `must be one of ${DATE_FORMATS.join(', ')} (DMY: 25/03/1985)` }]);
  }
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw invalid(`Cannot read ${file}: there is no such file.`, [{ pointer: '<file>', detail: 'is not a readable file' }]);
  }
  const { out } = io;
  return withRuntime(env, async (runtime) => {
    const services = buildServices(runtime);
    const ctx = systemContext('cadre import');
    let organizationId: string | undefined;
    if (options.organization) {
      organizationId = (await services.organizations.resolve(ctx, options.organization))?.id;
      if (!organizationId) throw invalid(`--organization ${options.organization}: no organization has that name, acronym or id.`, [{ pointer: '--organization', detail: 'is not an organization' }]);
    }
    const progress = progressPrinter(io.progress ?? (() => undefined), io.isTty === true);
    let view = await services.imports.upload(ctx, { kind, filename: path.basename(file), organizationId, offeringId: options.offering }, fs.createReadStream(file), size);
    // Another worksheet is other columns: read it first, then map its columns.
    if (options.sheet) view = await services.imports.update(ctx, view.id, view.version, { sheet: options.sheet });
    const how = view.format === 'csv' ? `CSV, ${view.encoding}, delimiter ${JSON.stringify(view.delimiter)}` : `XLSX, sheet “${view.sheet}”`;
    out(`${path.basename(file)}: ${how}, ${view.mapping.length} columns, header on row ${view.headerRow}.`);
    const columns = options.map?.length || options.leaveOut?.length ? columnsOf(kind, view, options.map ?? [], options.leaveOut ?? []) : undefined;
    if (columns || options.dateFormat) {
      view = await services.imports.update(ctx, view.id, view.version, {
        ...columns,
        ...(options.dateFormat && { dateFormat: options.dateFormat.toUpperCase() as DateFormat }),
      });
    }
    printColumns(view, out);
    if (view.dateFormat) out(`Dates: ${view.dateFormat} (${view.dateFormatStatus}).`);
    const undecided = view.mapping.filter((m) => m.state === 'unconfirmed');
    if (undecided.length > 0) {
      const named = undecided.map((m) => `“${columnName(m.header, m.column)}” (${columnLetter(m.column)})`).join(', ');
      out(`Cadre was not told what to do with ${undecided.length === 1 ? 'a column' : `${undecided.length} columns`}: ${named}. Nothing was checked or written.`);
      out(`Map each to a field with --map "COLUMN=field", or leave it out with --leave-out "COLUMN" (a header, a column number or letter).`);
      out(`The fields of a ${kind} import are: ${KINDS[kind].fields.map((f) => f.key).join(', ')}.`);
      return 1;
    }
    let result: ImportView;
    if (options.validOnly && !options.dryRun) {
      const checked = await services.imports.run(ctx, view.id, 'validate', { mode: 'all' }, progress);
      if (checked.status === 'failed') {
        out(checked.message ?? 'The check failed.');
        return 1;
      }
      const leaveOutRows = checked.rowCount - (checked.validCount ?? 0);
      if (leaveOutRows > 0) await printRowsLeftOut(services.imports, ctx, checked, leaveOutRows, out);
      result = await services.imports.run(ctx, view.id, 'commit', { mode: 'valid_only', leaveOutRows }, progress);
    } else {
      result = await services.imports.run(ctx, view.id, options.dryRun ? 'validate' : 'commit', { mode: 'all' }, progress);
    }
    if (result.status === 'failed') {
      out(result.message ?? 'The import failed.');
      return 1;
    }
    const problems = result.problemCount ?? 0;
    const isPartial = result.status === 'committed' && result.mode === 'valid_only';
    if (result.status === 'committed' && result.summary) {
      const s = result.summary;
      out(`Imported ${result.rowCount} rows: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged${s.skipped ? `, ${s.skipped} skipped` : ''}.`);
    } else {
      out(options.dryRun ? `Checked ${result.rowCount} rows (nothing written): ${result.validCount} valid.` : (result.message ?? ''));
    }
    if (problems > 0 && !isPartial) {
      const shown = await services.imports.problems(ctx, view.id, { limit: SHOWN_PROBLEMS });
      out(`${problems} problem${problems === 1 ? '' : 's'}:`);
      for (const p of shown.items) out(problemLine(p));
      if (problems > shown.items.length) out(`  … and ${problems - shown.items.length} more${options.problems ? '' : ' (--problems FILE writes them all)'}`);
    }
    if (problems > 0 && options.problems) {
      await fs.promises.writeFile(options.problems, csvStream(PROBLEM_TABLE.columns, services.imports.allProblems(ctx, view.id)));
      out(`Wrote every problem to ${options.problems}.`);
    }
    return problems > 0 ? 1 : 0;
  });
}
