import { type Expression, type ExpressionBuilder, type Insertable, type Kysely, type RawBuilder, type SqlBool, sql, type Updateable } from 'kysely';
import { applyKeyset, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { lockRows } from '../../platform/db/locks.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type { DB, EnrollmentsTable, OfferingFollowupsTable, OfferingsTable } from '../../platform/db/schema.js';

export interface OfferingFilter {
  courseId?: string | undefined;
  country?: string | undefined;
  status?: DB['offerings']['status'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  instructorId?: string | undefined;
  /** The offerings the caller may see, from the access policy. */
  scope: Scope;
}

/** An offering takes in an agency or a person when they teach it or are on its roster. */
function involves(eb: ExpressionBuilder<DB, 'offerings'>, column: 'p.id' | 'p.organization_id', id: string): Expression<SqlBool> {
  return eb.or([
    eb.exists(
      eb.selectFrom('offering_instructors as oi').innerJoin('people as p', 'p.id', 'oi.person_id').select('oi.person_id').whereRef('oi.offering_id', '=', 'offerings.id').where(column, '=', id),
    ),
    eb.exists(eb.selectFrom('enrollments as e').innerJoin('people as p', 'p.id', 'e.person_id').select('e.id').whereRef('e.offering_id', '=', 'offerings.id').where(column, '=', id)),
  ]);
}

/** The offerings a scope reaches (those its agency or person teaches or takes), as a `where` over `offerings`: the list's and the search's. */
export function offeringsInScope(scope: Scope) {
  return (eb: ExpressionBuilder<DB, 'offerings'>) =>
    inScope(scope, { organization: (id) => involves(eb, 'p.organization_id', id), person: (id) => involves(eb, 'p.id', id) })(eb);
}

export function offeringsRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('offerings')
      .innerJoin('courses', 'courses.id', 'offerings.course_id')
      .innerJoin('course_versions as v', 'v.id', 'offerings.course_version_id')
      .leftJoin('organizations as host', 'host.id', 'offerings.host_organization_id')
      .leftJoin('organizations as delivering', 'delivering.id', 'offerings.delivering_organization_id')
      .selectAll('offerings')
      .select([
        'courses.code as course_code',
        'courses.level as course_level',
        'courses.track as course_track',
        'courses.language as course_language',
        'courses.grants_credential_id',
        'courses.requires_credential_id',
        'v.title as course_title',
        'v.number as course_version_number',
        'host.name as host_name',
        'delivering.name as delivering_name',
        (eb) =>
          eb
            .selectFrom('enrollments')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('enrollments.offering_id', '=', 'offerings.id')
            .where('enrollments.status', 'in', ['enrolled', 'completed', 'failed'])
            .as('enrolled_count'),
      ]);
  }

  return {
    findById(id: string) {
      return base().where('offerings.id', '=', id).executeTakeFirst();
    },
    list(filter: OfferingFilter, sort: SortRequest, page: PageRequest) {
      let query = base().where(offeringsInScope(filter.scope));
      if (filter.courseId) query = query.where('offerings.course_id', '=', filter.courseId);
      if (filter.country) query = query.where('offerings.country', '=', filter.country);
      if (filter.status) query = query.where('offerings.status', '=', filter.status);
      if (filter.from) query = query.where('offerings.end_on', '>=', filter.from);
      if (filter.to) query = query.where('offerings.start_on', '<=', filter.to);
      if (filter.instructorId) {
        const id = filter.instructorId;
        query = query.where((eb) => eb.exists(eb.selectFrom('offering_instructors as oi').select('oi.person_id').whereRef('oi.offering_id', '=', 'offerings.id').where('oi.person_id', '=', id)));
      }
      return applyKeyset(query, 'offerings.id', sort, page).execute();
    },
    /**
     * The participants of these offerings within `scope` (all of them would be every roster):
     * what the access policy needs to tell whether the caller's agency or person takes part.
     */
    participantsOf(offeringIds: readonly string[], scope: Scope) {
      if (offeringIds.length === 0 || scope.kind === 'all') return Promise.resolve([]);
      return db
        .selectFrom('enrollments')
        .innerJoin('people', 'people.id', 'enrollments.person_id')
        .select(['enrollments.offering_id', 'enrollments.person_id', 'people.organization_id'])
        .where('enrollments.offering_id', 'in', offeringIds)
        .where(inScope(scope, { organization: 'people.organization_id', person: 'enrollments.person_id' }))
        .execute();
    },
    instructorsOf(offeringIds: readonly string[]) {
      if (offeringIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('offering_instructors')
        .innerJoin('people', 'people.id', 'offering_instructors.person_id')
        .select(['offering_instructors.offering_id', 'offering_instructors.person_id', 'offering_instructors.role', 'people.given_name', 'people.family_name', 'people.organization_id'])
        .where('offering_instructors.offering_id', 'in', offeringIds)
        .orderBy('offering_instructors.role', 'desc')
        .orderBy('people.sort_name')
        .execute();
    },
    /** How many offerings, ended before a day, a person co-taught of courses that require a credential. */
    async coTeachings(personId: string, credentialId: string, before: string): Promise<number> {
      const row = await db
        .selectFrom('offering_instructors as oi')
        .innerJoin('offerings as o', 'o.id', 'oi.offering_id')
        .innerJoin('courses as c', 'c.id', 'o.course_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('oi.person_id', '=', personId)
        .where('oi.role', '=', 'co')
        .where('c.requires_credential_id', '=', credentialId)
        .where('o.status', '!=', 'cancelled')
        .where('o.end_on', '<', before)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    insert(row: Insertable<OfferingsTable>) {
      return db.insertInto('offerings').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<OfferingsTable>) {
      return updateVersioned(db, 'offerings', id, version, changes);
    },
    /**
     * Takes the offering's row lock before anything of it is read: its status, seats and roster
     * then stay as read until the transaction ends (enrolling, recording a result, closing).
     */
    lock(id: string) {
      return lockRows(db, 'offerings', [id]);
    },
    async setInstructor(offeringId: string, personId: string, role: DB['offering_instructors']['role']) {
      await db.deleteFrom('offering_instructors').where('offering_id', '=', offeringId).where('person_id', '=', personId).execute();
      await db.insertInto('offering_instructors').values({ offering_id: offeringId, person_id: personId, role }).execute();
    },
    /** True when the person was an instructor of the offering (and no longer is). */
    async removeInstructor(offeringId: string, personId: string): Promise<boolean> {
      const result = await db.deleteFrom('offering_instructors').where('offering_id', '=', offeringId).where('person_id', '=', personId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    followUps(offeringId: string) {
      return db
        .selectFrom('offering_followups')
        .innerJoin('people', 'people.id', 'offering_followups.person_id')
        .selectAll('offering_followups')
        .select(['people.given_name', 'people.family_name'])
        .where('offering_id', '=', offeringId)
        .orderBy('recorded_on')
        .execute();
    },
    async upsertFollowUp(row: Insertable<OfferingFollowupsTable>) {
      await db.deleteFrom('offering_followups').where('offering_id', '=', row.offering_id).where('person_id', '=', row.person_id).execute();
      await db.insertInto('offering_followups').values(row).execute();
    },
  };
}

export function enrollmentsRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('enrollments')
      .innerJoin('people', 'people.id', 'enrollments.person_id')
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .selectAll('enrollments')
      .select(['people.given_name', 'people.family_name', 'people.organization_id', 'organizations.name as organization_name', 'organizations.country as organization_country']);
  }
  return {
    findById(id: string) {
      return base().where('enrollments.id', '=', id).executeTakeFirst();
    },
    /** An offering's roster, as far as `scope` reaches: a participant's own row, their agency's, or (for its instructors and staff) all. */
    forOffering(offeringId: string, scope: Scope = { kind: 'all' }) {
      return base()
        .where('enrollments.offering_id', '=', offeringId)
        .where((eb) =>
          inScope(scope, {
            organization: 'people.organization_id',
            // A person sees their own enrollment, and the whole roster of an offering they teach.
            person: (personId) =>
              eb.or([
                eb('enrollments.person_id', '=', personId),
                eb.exists(eb.selectFrom('offering_instructors as oi').select('oi.person_id').whereRef('oi.offering_id', '=', 'enrollments.offering_id').where('oi.person_id', '=', personId)),
              ]),
          })(eb),
        )
        .orderBy('people.sort_name')
        .orderBy('enrollments.id')
        .execute();
    },
    /** A person's enrollments with their offerings' dates, for clashes and transcripts. */
    forPerson(personId: string) {
      return db
        .selectFrom('enrollments')
        .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
        .innerJoin('courses', 'courses.id', 'offerings.course_id')
        .innerJoin('course_versions as v', 'v.id', 'offerings.course_version_id')
        .selectAll('enrollments')
        .select(['offerings.start_on', 'offerings.end_on', 'offerings.country', 'offerings.status as offering_status', 'courses.code', 'courses.language', 'v.title', 'v.number as version_number'])
        .where('enrollments.person_id', '=', personId)
        .orderBy('offerings.start_on')
        .execute();
    },
    taughtBy(personId: string) {
      return db
        .selectFrom('offering_instructors as oi')
        .innerJoin('offerings', 'offerings.id', 'oi.offering_id')
        .innerJoin('courses', 'courses.id', 'offerings.course_id')
        .innerJoin('course_versions as v', 'v.id', 'offerings.course_version_id')
        .select(['offerings.id as offering_id', 'oi.role', 'offerings.start_on', 'offerings.end_on', 'offerings.country', 'offerings.status', 'courses.code', 'courses.language', 'v.title', 'v.number as version_number'])
        .where('oi.person_id', '=', personId)
        .orderBy('offerings.start_on')
        .execute();
    },
    insert(row: Insertable<EnrollmentsTable>) {
      return db.insertInto('enrollments').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<EnrollmentsTable>) {
      return updateVersioned(db, 'enrollments', id, version, changes);
    },
    /**
     * Settles many enrollments in one statement, each with its own status and outcome, each only
     * if still at the version read: the number updated falls short when one was changed meanwhile.
     */
    async settle(rows: readonly { id: string; version: number; status: EnrollmentsTable['status']; outcome: string | null }[], at: string): Promise<number> {
      let updated = 0;
      for (let i = 0; i < rows.length; i += SETTLE_BATCH) {
        const batch = rows.slice(i, i + SETTLE_BATCH);
        const byId = (value: (row: (typeof batch)[number]) => string | null) => sql`CASE id ${sql.join(batch.map((r) => sql`WHEN ${r.id} THEN ${value(r)}`), sql` `)} END`;
        const result = await db
          .updateTable('enrollments')
          .set((eb) => ({
            status: byId((r) => r.status) as RawBuilder<EnrollmentsTable['status']>,
            outcome: byId((r) => r.outcome) as RawBuilder<string | null>,
            version: eb('version', '+', 1),
            updated_at: at,
          }))
          .where((eb) => eb(eb.refTuple('id', 'version'), 'in', batch.map((r) => eb.tuple(r.id, r.version))))
          .executeTakeFirst();
        updated += Number(result.numUpdatedRows);
      }
      return updated;
    },
  };
}

/** Enrollments per settling UPDATE: four bound values each, far under either engine's limit. */
const SETTLE_BATCH = 500;

export type OfferingRowWithNames = NonNullable<Awaited<ReturnType<ReturnType<typeof offeringsRepository>['findById']>>>;
export type EnrollmentRowWithPerson = NonNullable<Awaited<ReturnType<ReturnType<typeof enrollmentsRepository>['findById']>>>;
