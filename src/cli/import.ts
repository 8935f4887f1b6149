import fs from 'node:fs';
import path from 'node:path';
import { buildServices } from '../app.js';
import { systemContext } from '../platform/access.js';
import { invalid } from '../platform/errors.js';
import { headerKey, IMPORT_KINDS, type ImportKind, KINDS } from '../modules/imports/imports.fields.js';
import { DATE_FORMATS, type DateFormat } from '../modules/imports/imports.values.js';
import { type ImportView, PROBLEM_COLUMNS } from '../modules/imports/imports.schemas.js';
import { csvStream } from '../platform/http/table-export.js';
import { withRuntime } from './runtime.js';

type Out = (line: string) => void;

export interface ImportOptions {
  dryRun?: boolean;
  map?: string[];
  dateFormat?: string;
  validOnly?: boolean;
  organization?: string;
  offering?: string;
  sheet?: string;
  problems?: string;
}

/** The problems shown on the terminal; `--problems FILE` writes them all. */
const SHOWN_PROBLEMS = 20;

function columnIndex(view: ImportView, text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) - 1;
  if (/^[A-Z]{1,3}$/.test(text) && !view.headers.some((h) => h === text)) return [...text].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const index = view.headers.findIndex((h) => headerKey(h) === headerKey(text));
  return index < 0 ? undefined : index;
}

/** `--map "Apellido=familyName"`: a column (header, 1-based number or letter) to a field (key or label). */
function mappingOf(kind: ImportKind, view: ImportView, pairs: readonly string[]) {
  const mapping = new Map(view.mapping.map((m) => [m.column, m.field]));
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const [column, fieldText] = at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    const index = columnIndex(view, column);
    if (index === undefined || index >= view.headers.length) throw invalid(`--map ${pair}: the file has no column “${column}”.`, [{ pointer: '--map', detail: `columns are: ${view.headers.join(', ')}` }]);
    const field = KINDS[kind].fields.find((f) => f.key === fieldText || headerKey(f.label) === headerKey(fieldText));
    if (fieldText !== '' && fieldText !== '-' && !field) {
      throw invalid(`--map ${pair}: “${fieldText}” is not a field of a ${kind} import.`, [{ pointer: '--map', detail: `fields are: ${KINDS[kind].fields.map((f) => f.key).join(', ')}` }]);
    }
    for (const [other, f] of mapping) if (field && f === field.key && other !== index) mapping.set(other, null);
    mapping.set(index, field?.key ?? null);
  }
  return [...mapping].map(([column, field]) => ({ column, field }));
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
    let view = await services.imports.upload(ctx, { kind, filename: path.basename(file), organizationId, offeringId: options.offering }, fs.createReadStream(file), size);
    const how = view.format === 'csv' ? `CSV, ${view.encoding}, delimiter ${JSON.stringify(view.delimiter)}` : `XLSX, sheet “${view.sheet}”`;
    out(`${path.basename(file)}: ${how}, ${view.headers.length} columns, header on row ${view.headerRow}.`);
    const mapping = options.map?.length ? mappingOf(kind, view, options.map) : undefined;
    if (mapping || options.dateFormat || options.sheet) {
      view = await services.imports.update(ctx, view.id, view.version, {
        ...(options.sheet && { sheet: options.sheet }),
        ...(mapping && { mapping }),
        ...(options.dateFormat && { dateFormat: options.dateFormat.toUpperCase() as DateFormat }),
      });
    }
    for (const m of view.mapping) if (m.field) out(`  ${m.header || `column ${m.column + 1}`} → ${m.field}`);
    if (view.dateFormat) out(`Dates: ${view.dateFormat} (${view.dateFormatStatus}).`);
    const action = options.dryRun ? 'validate' : 'commit';
    const result = await services.imports.run(ctx, view.id, action, options.validOnly ? 'valid_only' : 'all', progressPrinter(io.progress ?? (() => undefined), io.isTty === true));
    if (result.status === 'failed') {
      out(result.message ?? 'The import failed.');
      return 1;
    }
    const problems = result.problemCount ?? 0;
    if (result.status === 'committed' && result.summary) {
      const s = result.summary;
      out(`Imported ${result.rowCount} rows: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged${s.skipped ? `, ${s.skipped} skipped` : ''}.`);
    } else {
      out(options.dryRun ? `Checked ${result.rowCount} rows (nothing written): ${result.validCount} valid.` : (result.message ?? ''));
    }
    if (problems > 0) {
      const shown = await services.imports.problems(ctx, view.id, { limit: SHOWN_PROBLEMS });
      out(`${problems} problem${problems === 1 ? '' : 's'}:`);
      for (const p of shown.items) out(`  row ${p.row}${p.columnName ? `, ${p.columnName}` : ''}: ${p.value ? `“${p.value}” ` : ''}${p.reason}`);
      if (problems > shown.items.length) out(`  … and ${problems - shown.items.length} more${options.problems ? '' : ' (--problems FILE writes them all)'}`);
      if (options.problems) {
        await fs.promises.writeFile(options.problems, csvStream(PROBLEM_COLUMNS, services.imports.allProblems(ctx, view.id)));
        out(`Wrote every problem to ${options.problems}.`);
      }
    }
    return problems > 0 ? 1 : 0;
  });
}
