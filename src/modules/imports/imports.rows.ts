import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/access.js';
import type { DB, ImportProblemsTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Localizable } from '../../platform/i18n/messages.js';
import { searchKey } from '../../platform/text.js';
import type { PeopleService, PersonForImport } from '../people/people.service.js';
import { type ImportKind, fieldLabel, isSecretField, maskSecret } from './imports.fields.js';
import type { SheetRow } from './imports.reader.js';
import { importsText, type SchemaIssue, storedWords } from './imports.messages.js';
import type { ImportSummary } from './imports.schemas.js';
import { type DateFormat, parseDate, type Parsed } from './imports.values.js';

/**
 * What every kind of import shares: a row seen through the mapping, the problems found in it,
 * what came of it, and how a row that a service refuses is undone alone (a savepoint) so the
 * others stand.
 */

/**
 * Lets the process serve its other requests between two batches. better-sqlite3 answers at
 * once, so a pass over a file would otherwise run as one unbroken chain of resolved promises,
 * and no request (not even one asking for the pass's progress) would be read until it ended.
 */
export const letOthersIn = (): Promise<void> => nextTurn();

/**
 * A problem as it is kept: by row, column and reason. The reason and the field are kept as words
 * still to be put in a language (see `storedWords`), so each reader reads them in their own.
 */
export type RowProblem = Omit<ImportProblemsTable, 'import_id' | 'seq'>;

/** A row of the file through the mapping: its cells by field. */
export class MappedRow {
  constructor(
    readonly source: SheetRow,
    private readonly columns: ReadonlyMap<string, number>,
  ) {}
  get row(): number {
    return this.source.row;
  }
  /** The cell of a field, trimmed; '' when the field is not mapped or the cell is blank. */
  text(field: string): string {
    const column = this.columns.get(field);
    return column === undefined ? '' : (this.source.cells[column] ?? '').trim();
  }
  has(field: string): boolean {
    return this.text(field) !== '';
  }
  isMapped(field: string): boolean {
    return this.columns.has(field);
  }
  columnOf(field: string): number | null {
    return this.columns.get(field) ?? null;
  }
}

export interface RunState {
  ctx: RequestContext;
  kind: ImportKind;
  /** Whether the run is to write (a commit) or only to check (a validation). */
  isWriting: boolean;
  headers: readonly string[];
  /** The mapping: each field's column. */
  columns: ReadonlyMap<string, number>;
  dateFormat: DateFormat | null;
  organizationId: string | null;
  offeringId: string | null;
  problems: RowProblem[];
  /** Every problem found, including those past what is kept. */
  problemCount: number;
  currentRow: { row: number; count: number; fields: Set<string> };
  /** Rows with at least one problem: none of them is written. */
  badRows: Set<number>;
  summary: ImportSummary;
  /** The records written, by id: created or changed (a record created and then changed stays created). */
  records: Map<string, 'created' | 'updated'>;
}

/** What a run knows before its first row: nothing found yet, nothing written. */
export function freshRunState(given: Pick<RunState, 'ctx' | 'kind' | 'isWriting' | 'headers' | 'columns' | 'dateFormat' | 'organizationId' | 'offeringId'>): RunState {
  return {
    ...given,
    problems: [],
    problemCount: 0,
    currentRow: { row: 0, count: 0, fields: new Set() },
    badRows: new Set(),
    summary: { created: 0, updated: 0, unchanged: 0, skipped: 0 },
    records: new Map(),
  };
}

/** Notes a record the run wrote, for the import to link to once committed. */
export function noteRecord(state: RunState, id: string, change: 'created' | 'updated'): void {
  if (!state.records.has(id)) state.records.set(id, change);
}

/** The most problems kept per import; the count goes on past it. */
export const MAX_PROBLEMS = 100_000;
/** The most problems reported for one row (a row of 10,000 bad cells says so once per cell up to this). */
const MAX_PROBLEMS_PER_ROW = 50;

export function report(state: RunState, row: MappedRow | number, field: string | null, reason: Localizable | SchemaIssue, column?: number | null): void {
  const rowNumber = typeof row === 'number' ? row : row.row;
  const index = column !== undefined ? column : field && typeof row !== 'number' ? row.columnOf(field) : null;
  state.badRows.add(rowNumber);
  state.problemCount += 1;
  if (state.currentRow.row !== rowNumber) state.currentRow = { row: rowNumber, count: 0, fields: new Set() };
  state.currentRow.count += 1;
  if (field) state.currentRow.fields.add(field);
  if (state.problems.length >= MAX_PROBLEMS || state.currentRow.count > MAX_PROBLEMS_PER_ROW) return;
  state.problems.push({
    row_number: rowNumber,
    column_index: index,
    column_name: index === null ? null : (state.headers[index] ?? storedWords(importsText('column', { number: index + 1 }))),
    field: field && storedWords(fieldLabel(state.kind, field)),
    value: typeof row !== 'number' && field ? (isSecretField(state.kind, field) ? maskSecret(row.text(field)) : row.text(field).slice(0, 200)) || null : null,
    reason: storedWords(reason),
  });
}

/** A parsed cell, or a problem reported and undefined. */
export function take<T>(state: RunState, row: MappedRow, field: string, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  report(state, row, field, parsed.reason);
  return undefined;
}

export function takeDate(state: RunState, row: MappedRow, field: string): string | undefined {
  return row.has(field) ? take(state, row, field, parseDate(row.text(field), state.dateFormat)) : undefined;
}

/** Fields of the services' schemas that come from a differently named column. */
const SCHEMA_FIELDS: Record<string, string> = { organizationId: 'organization', parentId: 'parent' };

/** Reports the schema's own issues against the columns their fields came from (once per field). */
export function schemaCheck<T extends z.ZodType>(state: RunState, row: MappedRow, schema: T, input: unknown): z.infer<T> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return state.badRows.has(row.row) ? undefined : parsed.data;
  const reported = state.currentRow.row === row.row ? state.currentRow.fields : new Set<string>();
  for (const issue of parsed.error.issues) {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : null;
    const field = key && (SCHEMA_FIELDS[key] ?? key);
    if (field && reported.has(field)) continue;
    report(state, row, field, issue);
  }
  return undefined;
}

/**
 * Runs one row's writes in a savepoint: a refusal (an AppError of the domain's rules) becomes
 * the row's problem and undoes that row alone; anything else ends the import.
 */
export async function inSavepoint(state: RunState, trx: ControlledTransaction<DB>, row: MappedRow, work: (executor: Transaction<DB>) => Promise<void>): Promise<boolean> {
  const point = await trx.savepoint('import_row').execute();
  try {
    await work(point);
    await point.releaseSavepoint('import_row').execute();
    return true;
  } catch (error) {
    await point.rollbackToSavepoint('import_row').execute();
    if (!(error instanceof AppError)) throw error;
    const fields = (error.extra.errors ?? []).map((e) => e.pointer.split('/').at(-1) ?? '');
    const field = fields.find((f) => row.isMapped(f)) ?? null;
    report(state, row, field, error.text);
    return false;
  }
}

/**
 * A kind whose rows are checked by writing them, each in a savepoint of the run's one
 * transaction (a row may depend on one before it: a unit on its parent, a result on the
 * enrollment just made). The files of these kinds are short: a sheet, a list of partners.
 */
export interface WritingHandler {
  readonly checks: 'by-writing';
  /** Checks a batch of rows and writes the good ones (in the run's transaction). */
  batch(rows: MappedRow[], trx: ControlledTransaction<DB>): Promise<void>;
  /** Writes what the batches left pending. */
  finish(trx: ControlledTransaction<DB>): Promise<void>;
}

/**
 * A kind whose rows are checked by reading alone, outside any transaction, so a long file holds
 * no lock while it is read and checked; what the checks planned is then written in one short
 * transaction, where the services check again what may have changed in between.
 */
export interface PlanningHandler {
  readonly checks: 'by-reading';
  /** Checks a batch of rows and plans the writes of the good ones. */
  check(rows: MappedRow[], db: Kysely<DB>): Promise<void>;
  /** Writes what was planned, in the run's one transaction. */
  write(trx: ControlledTransaction<DB>, onProgress: (done: number, total: number) => void): Promise<void>;
}

export type KindHandler = WritingHandler | PlanningHandler;

/** Rows by natural key, to find the same person twice in one file. */
export class SeenKeys {
  private readonly seen = new Map<string, number>();
  /** The row that had the key first, or undefined (and the key is now this row's). */
  claim(key: string, row: number): number | undefined {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, row);
    return first;
  }
  /** Lets go of every key: once a file is checked, its writing needs none of them. */
  forget(): void {
    this.seen.clear();
  }
}

export const nameKey = (givenName: string, familyName: string) => searchKey(`${givenName} ${familyName}`);

export interface PersonKey {
  personId?: string | undefined;
  email?: string | undefined;
  searchName?: string | undefined;
  organizationId?: string | undefined;
  dateOfBirth?: string | undefined;
}

/**
 * Finds the person a row names among `people`: by Cadre id, by email, or by name and agency
 * (with the date of birth when the row has one). `ambiguous` when several match a name.
 */
export function findPerson(people: readonly PersonForImport[], key: PersonKey): PersonForImport | 'ambiguous' | undefined {
  if (key.personId) return people.find((p) => p.id === key.personId);
  if (key.email) {
    const byEmail = people.find((p) => p.email === key.email);
    if (byEmail) return byEmail;
  }
  if (!key.searchName) return undefined;
  const named = people.filter((p) => p.searchName === key.searchName && (!key.organizationId || p.organizationId === key.organizationId));
  if (key.dateOfBirth) {
    const born = named.filter((p) => p.dateOfBirth === key.dateOfBirth);
    if (born.length > 0) return born.length === 1 ? born[0] : 'ambiguous';
    // Someone of that name with no date of birth on record is the same person, when alone.
    const undated = named.filter((p) => p.dateOfBirth === null);
    if (key.email) return undefined;
    return undated.length === 1 ? undated[0] : undefined;
  }
  if (key.email) return undefined;
  if (named.length > 1) return 'ambiguous';
  return named[0];
}

/** The people a batch names, fetched in one go. */
export async function matchBatch(
  people: Pick<PeopleService, 'matchForImport'>,
  ctx: RequestContext,
  keys: readonly PersonKey[],
  trx: Kysely<DB>,
  anyone: boolean,
): Promise<PersonForImport[]> {
  return people.matchForImport(
    ctx,
    {
      ids: keys.flatMap((k) => (k.personId ? [k.personId] : [])),
      emails: keys.flatMap((k) => (k.email ? [k.email] : [])),
      names: keys.flatMap((k) => (k.searchName ? [{ searchName: k.searchName, organizationId: k.organizationId }] : [])),
    },
    trx,
    { anyone },
  );
}
