import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { type Page, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { conflict, invalid, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PeopleService } from '../people/people.service.js';
import { vettingPolicy as policy } from './vetting.policy.js';
import { type VettingRowWithPerson, vettingRepository } from './vetting.repository.js';
import type { RecordVettingResultInput, SubmitVettingInput, VettingRecord } from './vetting.schemas.js';
import { vettingText } from './vetting.messages.js';

export interface VettingDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  people: Pick<PeopleService, 'profiles'>;
}

/** A vetting record as the API shows it, with what the caller may do to it (none in an audit event). */
function toVettingRecord(row: VettingRowWithPerson, allowedActions: VettingRecord['allowedActions'] = []): VettingRecord {
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
    allowedActions,
  };
}

const referenceTaken = (reference: string) =>
  conflict(vettingText('vetting.caseTaken', { reference }), [{ pointer: '/body/caseReference', detail: vettingText('field.caseTaken') }]);

export function createVettingService({ db, clock, audit, people }: VettingDeps) {
  const present = (ctx: RequestContext, row: VettingRowWithPerson) => toVettingRecord(row, policy.allowedActions(ctx.actor, { personId: row.person_id }));

  async function getRow(id: string, executor: Kysely<DB> = db) {
    const row = await vettingRepository(executor).findById(id);
    if (!row) throw notFound('vettingRecord');
    return row;
  }

  return {
    async list(ctx: RequestContext, query: { personId?: string | undefined; status?: VettingRecord['status'] | undefined; limit: number; cursor?: string | undefined }): Promise<Page<VettingRecord>> {
      const scope = policy.scope(ctx.actor, 'read');
      const page = { limit: query.limit, cursor: query.cursor };
      const rows = await vettingRepository(db).list({ personId: query.personId, status: query.status, scope }, page);
      return toPage(rows, page, { column: 'vetting_records.submitted_on', order: 'desc' }, (row) => ({ value: row.submitted_on, id: row.id }), (row) => present(ctx, row));
    },

    /** What needs attention: cases still pending, and clearances that lapse before an offering their holder is enrolled in. */
    async queue(ctx: RequestContext) {
      // The queue spans every partner: the policy grants it to the program office alone.
      policy.requireAllowed(ctx.actor, 'read');
      const repo = vettingRepository(db);
      const [pending, lapsing] = await Promise.all([repo.pending(), repo.lapsingBeforeOfferings(today(clock))]);
      return {
        pending: pending.map((row) => present(ctx, row)),
        expiringBeforeNextOffering: lapsing.map((row) => ({
          record: present(ctx, row),
          offering: { id: row.offering_id, courseTitle: row.course_title, startOn: row.offering_start_on },
        })),
      };
    },

    async submit(ctx: RequestContext, input: SubmitVettingInput): Promise<VettingRecord> {
      policy.requireAllowed(ctx.actor, 'create');
      try {
        return await db.transaction().execute(async (trx) => {
          if (!(await people.profiles(ctx, [input.personId], trx)).has(input.personId)) {
            throw invalid(vettingText('vetting.personMissing'), [{ pointer: '/body/personId', detail: vettingText('field.notPerson') }]);
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
          const record = await getRow(id, trx);
          await audit(trx, ctx, { action: 'vetting.submit', entityType: 'vetting', entityId: id, after: toVettingRecord(record) });
          return present(ctx, record);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw referenceTaken(input.caseReference);
        throw error;
      }
    },

    async recordResult(ctx: RequestContext, id: string, version: number, input: RecordVettingResultInput): Promise<VettingRecord> {
      policy.requireAllowed(ctx.actor, 'recordResult');
      return db.transaction().execute(async (trx) => {
        const current = await getRow(id, trx);
        policy.authorize(ctx.actor, 'recordResult', { personId: current.person_id }, 'vettingRecord');
        if (input.resultOn < current.submitted_on) {
          throw invalid(vettingText('vetting.resultBeforeSubmission'), [{ pointer: '/body/resultOn', detail: vettingText('field.beforeSubmission', { on: current.submitted_on }) }]);
        }
        const isUpdated = await vettingRepository(trx).update(id, version, {
          status: input.status,
          result_on: input.resultOn,
          valid_until: input.validUntil ?? null,
          notes: input.notes ?? current.notes,
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('vettingRecord', current.version);
        const after = await getRow(id, trx);
        await audit(trx, ctx, { action: `vetting.${input.status}`, entityType: 'vetting', entityId: id, before: toVettingRecord(current), after: toVettingRecord(after) });
        return present(ctx, after);
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
