import type { Kysely } from 'kysely';
import { type RequestContext, requireRole } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { type Page, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { conflict, invalid, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PeopleService } from '../people/people.service.js';
import { type VettingRowWithPerson, vettingRepository } from './vetting.repository.js';
import type { RecordVettingResultInput, SubmitVettingInput, VettingRecord } from './vetting.schemas.js';

export interface VettingDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  people: Pick<PeopleService, 'profiles'>;
}

/** Vetting results are the program office's alone: no other role sees them. */
const VETTING_ROLES = ['admin', 'program_officer'] as const;

function toVettingRecord(row: VettingRowWithPerson): VettingRecord {
  return {
    id: row.id,
    person: { id: row.person_id, name: `${row.given_name} ${row.family_name}`, organizationName: row.organization_name, country: row.organization_country },
    caseReference: row.case_reference,
    status: row.status,
    submittedOn: row.submitted_on,
    resultOn: row.result_on,
    validUntil: row.valid_until,
    notes: row.notes,
    createdAt: row.created_at,
    version: row.version,
  };
}

const referenceTaken = (reference: string) =>
  conflict(`A vetting case ${reference} is already on record.`, [{ pointer: '/body/caseReference', detail: 'is already recorded' }]);

export function createVettingService({ db, clock, audit, people }: VettingDeps) {
  async function getRow(id: string, executor: Kysely<DB> = db) {
    const row = await vettingRepository(executor).findById(id);
    if (!row) throw notFound('The vetting record');
    return row;
  }

  return {
    async list(ctx: RequestContext, query: { personId?: string | undefined; status?: VettingRecord['status'] | undefined; limit: number; cursor?: string | undefined }): Promise<Page<VettingRecord>> {
      requireRole(ctx.actor, VETTING_ROLES);
      const page = { limit: query.limit, cursor: query.cursor };
      const rows = await vettingRepository(db).list(query, page);
      return toPage(rows, page, { column: 'vetting_records.submitted_on', order: 'desc' }, (row) => ({ value: row.submitted_on, id: row.id }), toVettingRecord);
    },

    /** What needs attention: cases still pending, and clearances that lapse before an offering their holder is enrolled in. */
    async queue(ctx: RequestContext) {
      requireRole(ctx.actor, VETTING_ROLES);
      const repo = vettingRepository(db);
      const [pending, lapsing] = await Promise.all([repo.pending(), repo.lapsingBeforeOfferings(today(clock))]);
      return {
        pending: pending.map(toVettingRecord),
        expiringBeforeNextOffering: lapsing.map((row) => ({
          record: toVettingRecord(row),
          offering: { id: row.offering_id, courseTitle: row.course_title, startOn: row.offering_start_on },
        })),
      };
    },

    async submit(ctx: RequestContext, input: SubmitVettingInput): Promise<VettingRecord> {
      requireRole(ctx.actor, VETTING_ROLES);
      try {
        return await db.transaction().execute(async (trx) => {
          if (!(await people.profiles(ctx, [input.personId], trx)).has(input.personId)) {
            throw invalid('The person does not exist.', [{ pointer: '/body/personId', detail: 'is not a person' }]);
          }
          const repo = vettingRepository(trx);
          if (await repo.findByReference(input.caseReference)) throw referenceTaken(input.caseReference);
          const id = newId();
          const now = instant(clock);
          await repo.insert({
            id,
            person_id: input.personId,
            case_reference: input.caseReference,
            status: 'pending',
            submitted_on: input.submittedOn,
            result_on: null,
            valid_until: null,
            notes: input.notes ?? null,
            created_at: now,
            updated_at: now,
          });
          const record = toVettingRecord(await getRow(id, trx));
          await audit(trx, ctx, { action: 'vetting.submit', entityType: 'vetting', entityId: id, after: record });
          return record;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw referenceTaken(input.caseReference);
        throw error;
      }
    },

    async recordResult(ctx: RequestContext, id: string, version: number, input: RecordVettingResultInput): Promise<VettingRecord> {
      requireRole(ctx.actor, VETTING_ROLES);
      return db.transaction().execute(async (trx) => {
        const current = await getRow(id, trx);
        if (input.resultOn < current.submitted_on) {
          throw invalid('The result comes before the submission.', [{ pointer: '/body/resultOn', detail: `must not come before ${current.submitted_on}` }]);
        }
        const isUpdated = await vettingRepository(trx).update(id, version, {
          status: input.status,
          result_on: input.resultOn,
          valid_until: input.validUntil ?? null,
          notes: input.notes ?? current.notes,
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('The vetting record', current.version);
        const after = toVettingRecord(await getRow(id, trx));
        await audit(trx, ctx, { action: `vetting.${input.status}`, entityType: 'vetting', entityId: id, before: toVettingRecord(current), after });
        return after;
      });
    },

    /** The latest vetting of each person, for the enrollment rule; no access check (the rule's answer is all that leaves). */
    async latestOf(personIds: readonly string[], executor: Kysely<DB>) {
      const rows = await vettingRepository(executor).ofPeople(personIds);
      const latest = new Map<string, { status: string; resultOn: string | null; validUntil: string | null }>();
      for (const row of rows) {
        if (!latest.has(row.person_id)) latest.set(row.person_id, { status: row.status, resultOn: row.result_on, validUntil: row.valid_until });
      }
      return latest;
    },
  };
}

export type VettingService = ReturnType<typeof createVettingService>;
