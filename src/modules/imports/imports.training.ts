import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { searchKey } from '../../platform/text.js';
import type { PeopleService, PersonForImport } from '../people/people.service.js';
import type { Credential } from '../training/credentials.schemas.js';
import type { CertificationsService } from '../training/certifications.service.js';
import type { EnrollmentsService } from '../training/enrollments.service.js';
import type { Enrollment, RecordResultInput } from '../training/offerings.schemas.js';
import { agencyResolver, type OrganizationLookup } from './imports.people.js';
import { findPerson, inSavepoint, type KindHandler, type MappedRow, matchBatch, nameKey, type PersonKey, report, type RunState, SeenKeys, take, takeDate } from './imports.rows.js';
import { ENROLLMENT_STATUS_WORDS, parseWholeNumber, parseWord } from './imports.values.js';
import { importsText } from './imports.messages.js';

/** The person a row of an attendance sheet or a certificate list names, among those known. */
function personKeyOf(state: RunState, row: MappedRow, organizationId: string | undefined): PersonKey | undefined {
  if (row.has('personId')) return { personId: row.text('personId').toLowerCase() };
  if (row.has('email')) return { email: row.text('email').toLowerCase() };
  if (row.has('givenName') && row.has('familyName')) {
    return { searchName: nameKey(row.text('givenName'), row.text('familyName')), organizationId, dateOfBirth: takeDate(state, row, 'dateOfBirth') };
  }
  report(state, row, null, importsText('row.namesNobody'));
  return undefined;
}

function describeMissing(state: RunState, row: MappedRow, match: 'ambiguous' | undefined) {
  const field = row.has('personId') ? 'personId' : row.has('email') ? 'email' : 'familyName';
  report(
    state,
    row,
    field,
    match === 'ambiguous'
      ? importsText('row.ambiguous')
      : importsText('row.unknownPerson'),
  );
}

async function peopleOfBatch(
  deps: { people: Pick<PeopleService, 'matchForImport'>; organizations: OrganizationLookup },
  state: RunState,
  rows: MappedRow[],
  trx: Kysely<DB>,
  anyone: boolean,
  agencyOf: ReturnType<typeof agencyResolver>,
) {
  const keyed: { row: MappedRow; key: PersonKey }[] = [];
  for (const row of rows) {
    const organizationId = row.has('organization') ? await agencyOf(row, trx) : undefined;
    const key = personKeyOf(state, row, organizationId);
    if (key && !state.badRows.has(row.row)) keyed.push({ row, key });
  }
  const known = await matchBatch(deps.people, state.ctx, keyed.map((k) => k.key), trx, anyone);
  const found: { row: MappedRow; person: PersonForImport }[] = [];
  for (const { row, key } of keyed) {
    const match = findPerson(known, key);
    if (match === undefined || match === 'ambiguous') describeMissing(state, row, match);
    else found.push({ row, person: match });
  }
  return found;
}

/** An attendance sheet for one offering: who is enrolled, their attendance, score and status. */
export function enrollmentsHandler(
  deps: { people: Pick<PeopleService, 'matchForImport'>; organizations: OrganizationLookup; enrollments: Pick<EnrollmentsService, 'rosterForImport' | 'enroll' | 'recordResult'> },
  state: RunState,
): KindHandler {
  const seen = new SeenKeys();
  const agencyOf = agencyResolver(deps.organizations, { ...state, organizationId: null });
  let roster: Map<string, Enrollment> | undefined;
  let isRecorder = false;
  const offeringId = state.offeringId as string;

  function resultOf(row: MappedRow): RecordResultInput {
    const input: RecordResultInput = {};
    if (row.has('attendancePercent')) input.attendancePercent = take(state, row, 'attendancePercent', parseWholeNumber(row.text('attendancePercent'), 0, 100));
    if (row.has('score')) input.score = take(state, row, 'score', parseWholeNumber(row.text('score'), 0, 100));
    if (row.has('status')) input.status = take(state, row, 'status', parseWord(row.text('status'), ENROLLMENT_STATUS_WORDS, importsText('what.enrollmentStatus')));
    return input;
  }

  return {
    checks: 'by-writing',
    async batch(rows, trx) {
      if (!roster) {
        const read = await deps.enrollments.rosterForImport(state.ctx, offeringId, trx);
        roster = new Map(read.roster.map((e) => [e.person.id, e]));
        isRecorder = read.isRecorder;
      }
      const known = roster;
      for (const { row, person } of await peopleOfBatch(deps, state, rows, trx, isRecorder, agencyOf)) {
        const result = resultOf(row);
        if (state.badRows.has(row.row)) continue;
        const first = seen.claim(person.id, row.row);
        if (first !== undefined) {
          report(state, row, null, importsText('row.samePersonAs', { row: first }));
          continue;
        }
        const current = known.get(person.id);
        const changed = (Object.keys(result) as (keyof RecordResultInput)[]).filter((k) => current?.[k] !== result[k]);
        if (current && changed.length === 0) {
          state.summary.unchanged += 1;
          continue;
        }
        const isDone = await inSavepoint(state, trx, row, async (executor) => {
          const enrollment = current ?? (await deps.enrollments.enroll(state.ctx, offeringId, person.id, executor));
          if (changed.length > 0) await deps.enrollments.recordResult(state.ctx, offeringId, enrollment.id, enrollment.version, result, executor);
        });
        if (isDone) state.summary[current ? 'updated' : 'created'] += 1;
      }
    },
    finish: async () => undefined,
  };
}

/** Certifications awarded before Cadre: person, credential and the day it was issued. */
export function certificationsHandler(
  deps: { people: Pick<PeopleService, 'matchForImport'>; organizations: OrganizationLookup; certifications: Pick<CertificationsService, 'issue' | 'ofPerson'> },
  state: RunState,
  credentials: readonly Credential[],
): KindHandler {
  const seen = new SeenKeys();
  const agencyOf = agencyResolver(deps.organizations, { ...state, organizationId: null });
  const credentialOf = (text: string) => credentials.find((c) => c.id === text.toLowerCase() || searchKey(c.name) === searchKey(text));

  return {
    checks: 'by-writing',
    async batch(rows, trx) {
      for (const { row, person } of await peopleOfBatch(deps, state, rows, trx, false, agencyOf)) {
        const credential = row.has('credential') ? credentialOf(row.text('credential')) : undefined;
        if (!row.has('credential')) report(state, row, 'credential', importsText('row.required'));
        else if (!credential) report(state, row, 'credential', credentials.length ? importsText('row.unknownCredential', { credentials: credentials.map((c) => `“${c.name}”`).join(', ') }) : importsText('row.noCredentialYet'));
        const issuedOn = row.has('issuedOn') ? takeDate(state, row, 'issuedOn') : (report(state, row, 'issuedOn', importsText('row.required')), undefined);
        if (!credential || !issuedOn || state.badRows.has(row.row)) continue;
        const first = seen.claim(`${person.id}|${credential.id}|${issuedOn}`, row.row);
        if (first !== undefined) {
          report(state, row, 'credential', importsText('row.sameCertification', { row: first }));
          continue;
        }
        const held = await deps.certifications.ofPerson(person.id, trx);
        if (held.some((c) => c.credential.id === credential.id && c.issuedOn === issuedOn)) {
          state.summary.unchanged += 1;
          continue;
        }
        const award = { personId: person.id, credentialId: credential.id, offeringId: null, issuedOn, validityMonths: credential.validityMonths };
        if (await inSavepoint(state, trx, row, (executor) => deps.certifications.issue(state.ctx, executor, [award]).then(() => undefined))) state.summary.created += 1;
      }
    },
    finish: async () => undefined,
  };
}
