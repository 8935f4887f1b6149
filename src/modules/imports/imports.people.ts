import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { keepStatisticsCurrent } from '../../platform/db/statistics.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import { peoplePolicy } from '../people/people.policy.js';
import { type CreatePersonInput, createPersonSchema, type UpdatePersonInput } from '../people/people.schemas.js';
import type { ImportedReadiness, PeopleService, PersonForImport } from '../people/people.service.js';
import {
  findPerson,
  inSavepoint,
  type KindHandler,
  letOthersIn,
  MappedRow,
  matchBatch,
  nameKey,
  noteRecord,
  type PersonKey,
  report,
  type RunState,
  schemaCheck,
  SeenKeys,
  take,
  takeDate,
} from './imports.rows.js';
import { givenReadiness, readinessToWrite } from './imports.readiness.js';
import type { SheetRow } from './imports.reader.js';
import { parseCountries, parseLanguages, parseList, parseWord, PERSON_STATUS_WORDS, SEX_WORDS } from './imports.values.js';
import type { Text } from '../../platform/i18n/messages.js';
import { importsText } from './imports.messages.js';

const TEXT_FIELDS = ['givenName', 'familyName', 'rankTitle', 'email', 'phone', 'notes'] as const;
const COMPARED = ['organizationId', 'givenName', 'familyName', 'rankTitle', 'email', 'phone', 'sex', 'dateOfBirth', 'status', 'notes'] as const;

export type OrganizationLookup = Pick<OrganizationsService, 'resolve'>;

/** The agency a row names (or the import's), resolved once per distinct text. */
export function agencyResolver(organizations: OrganizationLookup, state: RunState) {
  const cache = new Map<string, string | null>();
  return async (row: MappedRow, trx: Kysely<DB>): Promise<string | undefined> => {
    const text = row.text('organization');
    if (!text) {
      if (state.organizationId) return state.organizationId;
      report(state, row, 'organization', importsText('row.noAgency'));
      return undefined;
    }
    const key = text.toLowerCase();
    if (!cache.has(key)) cache.set(key, (await organizations.resolve(state.ctx, text, trx))?.id ?? null);
    const id = cache.get(key) ?? null;
    if (!id) report(state, row, 'organization', importsText('row.agencyUnknown'));
    // The same rule as adding one person: a coordinator adds to their own agency only.
    else if (!peoplePolicy.can(state.ctx.actor, 'create', { id: '', organizationId: id })) report(state, row, 'organization', importsText('row.notYourAgency'));
    return id ?? undefined;
  };
}

function parsePerson(state: RunState, row: MappedRow, organizationId: string | undefined): CreatePersonInput | undefined {
  const input: Record<string, unknown> = { organizationId };
  for (const field of TEXT_FIELDS) if (row.has(field)) input[field] = row.text(field);
  for (const field of ['givenName', 'familyName']) if (!row.has(field)) report(state, row, field, importsText('row.required'));
  if (row.has('sex')) input.sex = take(state, row, 'sex', parseWord(row.text('sex'), SEX_WORDS, importsText('what.sex')));
  if (row.has('status')) input.status = take(state, row, 'status', parseWord(row.text('status'), PERSON_STATUS_WORDS, importsText('what.personStatus')));
  if (row.has('dateOfBirth')) input.dateOfBirth = takeDate(state, row, 'dateOfBirth');
  if (row.has('languages')) input.languages = take(state, row, 'languages', parseLanguages(row.text('languages')));
  if (row.has('heritageCountries')) input.heritageCountries = take(state, row, 'heritageCountries', parseCountries(row.text('heritageCountries')));
  if (row.has('specialties')) input.specialties = parseList(row.text('specialties'));
  return schemaCheck(state, row, createPersonSchema, input);
}

const sorted = (values: readonly string[]) => [...values].sort().join('|');
const languagesKey = (languages: readonly { language: string; speaking: string | null; reading: string | null }[]) => sorted(languages.map((l) => `${l.language}:${l.speaking}/${l.reading}`));

/** What the row would change in the person: only the cells it fills; a blank cell never erases. */
function changesOf(row: MappedRow, input: CreatePersonInput, current: PersonForImport): UpdatePersonInput {
  const changes: Record<string, unknown> = {};
  const filled = (key: string) => (key === 'organizationId' ? row.has('organization') : row.has(key));
  for (const key of COMPARED) if (filled(key) && input[key] !== current[key]) changes[key] = input[key];
  if (row.has('languages') && languagesKey(input.languages) !== languagesKey(current.languages)) changes.languages = input.languages;
  if (row.has('heritageCountries') && sorted(input.heritageCountries) !== sorted(current.heritageCountries)) changes.heritageCountries = input.heritageCountries;
  if (row.has('specialties') && sorted(input.specialties) !== sorted(current.specialties)) changes.specialties = input.specialties;
  return changes as UpdatePersonInput;
}

type PlannedCreate = { input: CreatePersonInput; readiness: ImportedReadiness['records'] };
/** A change to someone found, with the row's cells: a row a savepoint refuses is reported by its cells. */
type PlannedUpdate = { row: SheetRow; readiness: ImportedReadiness['records']; person: { id: string; version: number }; changes: UpdatePersonInput };
type PlannedBatch = { fresh: PlannedCreate[]; updates: PlannedUpdate[] };

/**
 * A roster: people found by email, or by name + agency (+ date of birth), created or updated,
 * with the readiness they bring. Rows are checked by reading; the people are written after.
 */
export function peopleHandler(
  deps: { people: Pick<PeopleService, 'createMany' | 'update' | 'matchForImport' | 'recordReadinessMany' | 'lockIdentities'>; organizations: OrganizationLookup },
  state: RunState,
): KindHandler {
  const seen = new SeenKeys();
  const agencyOf = agencyResolver(deps.organizations, state);

  /** The same person twice in the file: by email (even on a row with other problems), or by name, agency and date of birth. */
  function isDuplicate(row: MappedRow, input: CreatePersonInput | undefined, searchName: string): boolean {
    const email = row.text('email').toLowerCase();
    const claims: [string, string, Text][] = [];
    if (email) claims.push([`e:${email}`, 'email', importsText('why.sameEmail')]);
    if (input && (input.dateOfBirth || !input.email)) {
      claims.push([`n:${searchName}|${input.organizationId}|${input.dateOfBirth ?? ''}`, input.dateOfBirth ? 'dateOfBirth' : 'familyName', importsText(input.dateOfBirth ? 'why.sameNameAgencyBirth' : 'why.sameNameAgency')]);
    }
    for (const [claim, field, why] of claims) {
      const first = seen.claim(claim, row.row);
      if (first !== undefined) {
        report(state, row, field, importsText('row.samePerson', { row: first, why }));
        return true;
      }
    }
    return false;
  }

  // What the checks planned, batch by batch, kept as deflated JSON until written. As objects, a
  // hundred thousand rows' worth was several times its JSON, all live until the last row was
  // written; as JSON text, tens of megabytes of heap, and V8 lets the heap grow in proportion to
  // what it holds. Deflated, it is a few megabytes outside the heap, for a few milliseconds a batch.
  const planned: Buffer[] = [];
  let plannedRows = 0;

  /** Writes one batch's new people, with the readiness they bring, in bulk. */
  async function writeCreates(trx: Transaction<DB>, fresh: readonly PlannedCreate[]) {
    if (fresh.length === 0) return;
    const ids = await deps.people.createMany(state.ctx, fresh.map((f) => f.input), trx);
    await deps.people.recordReadinessMany(state.ctx, fresh.flatMap(({ readiness }, n) => (readiness.length > 0 ? [{ personId: ids[n] as string, records: readiness }] : [])), trx);
    state.summary.created += ids.length;
    for (const id of ids) noteRecord(state, id, 'created');
  }

  /** Writes one batch's changes to people found, each alone: one refused leaves the others. */
  async function writeUpdates(trx: ControlledTransaction<DB>, updates: readonly PlannedUpdate[]) {
    for (const { row: source, person, changes, readiness } of updates) {
      const row = new MappedRow(source, state.columns);
      const isDone = await inSavepoint(state, trx, row, async (executor) => {
        let version = person.version;
        if (Object.keys(changes).length > 0) version = (await deps.people.update(state.ctx, person.id, version, changes, executor)).version ?? version + 1;
        await deps.people.recordReadinessMany(state.ctx, readiness.length > 0 ? [{ personId: person.id, version, records: readiness }] : [], executor);
      });
      if (isDone) {
        state.summary.updated += 1;
        noteRecord(state, person.id, 'updated');
      }
    }
  }

  return {
    checks: 'by-reading',
    async check(rows, db) {
      const parsed: { row: MappedRow; input: CreatePersonInput; key: PersonKey; readiness: ReturnType<typeof givenReadiness> }[] = [];
      for (const row of rows) {
        const organizationId = await agencyOf(row, db);
        const readiness = givenReadiness(state, row);
        const input = parsePerson(state, row, organizationId);
        const searchName = input ? nameKey(input.givenName, input.familyName) : '';
        if (isDuplicate(row, input, searchName) || !input) continue;
        const key: PersonKey = { email: input.email ?? undefined, searchName, organizationId: input.organizationId, dateOfBirth: input.dateOfBirth ?? undefined };
        parsed.push({ row, input, key, readiness });
      }
      const known = await matchBatch(deps.people, state.ctx, parsed.map((p) => p.key), db, true);
      const fresh: PlannedCreate[] = [];
      const updates: PlannedUpdate[] = [];
      for (const { row, input, key, readiness } of parsed) {
        const match = findPerson(known, key);
        if (match === 'ambiguous') {
          report(state, row, 'familyName', importsText('row.severalNamed', { givenName: input.givenName, familyName: input.familyName }));
        } else if (match === undefined) {
          const records = readinessToWrite(state, row, readiness);
          if (!state.badRows.has(row.row)) fresh.push({ input, readiness: records });
        } else if (!match.isEditable) {
          report(state, row, input.email ? 'email' : 'familyName', importsText('row.otherAgencyPerson'));
        } else {
          const changes = changesOf(row, input, match);
          const records = readinessToWrite(state, row, readiness, match);
          if (state.badRows.has(row.row)) continue;
          if (Object.keys(changes).length === 0 && records.length === 0) state.summary.unchanged += 1;
          else updates.push({ row: { row: row.row, cells: row.source.cells }, readiness: records, person: { id: match.id, version: match.version }, changes });
        }
      }
      // A check alone writes nothing, so it lays nothing out.
      if (!state.isWriting || fresh.length + updates.length === 0) return;
      planned.push(deflateRawSync(JSON.stringify({ fresh, updates } satisfies PlannedBatch), { level: 1 }));
      plannedRows += fresh.length + updates.length;
    },
    async write(trx, onProgress) {
      // A roster's keys are a few hundred bytes a row: held through the writing, the collector
      // would let the heap grow in proportion.
      seen.forget();
      // First of all, as adding one person takes it: before the rows and the audit head a batch locks.
      await deps.people.lockIdentities(trx);
      let done = 0;
      for (let deflated = planned.shift(); deflated !== undefined; deflated = planned.shift()) {
        const { fresh, updates } = JSON.parse(inflateRawSync(deflated).toString()) as PlannedBatch;
        await writeCreates(trx, fresh);
        await writeUpdates(trx, updates);
        done += fresh.length + updates.length;
        onProgress(done, plannedRows);
        await keepStatisticsCurrent(trx);
        await letOthersIn();
      }
    },
  };
}
