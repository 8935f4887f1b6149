import type { Insertable, Kysely, Updateable } from 'kysely';
import { applyKeyset, type PageRequest } from '../../platform/db/keyset.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type { DB, VettingRecordsTable } from '../../platform/db/schema.js';

export function vettingRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('vetting_records')
      .innerJoin('people', 'people.id', 'vetting_records.person_id')
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .selectAll('vetting_records')
      .select(['people.given_name', 'people.family_name', 'organizations.name as organization_name', 'organizations.country as organization_country']);
  }
  return {
    findById(id: string) {
      return base().where('vetting_records.id', '=', id).executeTakeFirst();
    },
    findByReference(reference: string) {
      return db.selectFrom('vetting_records').select('id').where('case_reference', '=', reference).executeTakeFirst();
    },
    list(filter: { personId?: string | undefined; status?: DB['vetting_records']['status'] | undefined; scope: Scope }, page: PageRequest) {
      let query = base().where(inScope(filter.scope, { person: 'vetting_records.person_id' }));
      if (filter.personId) query = query.where('vetting_records.person_id', '=', filter.personId);
      if (filter.status) query = query.where('vetting_records.status', '=', filter.status);
      return applyKeyset(query, 'vetting_records.id', { column: 'vetting_records.submitted_on', order: 'desc' }, page).execute();
    },
    /** Every record of these people, newest first: the latest one is what counts. */
    ofPeople(personIds: readonly string[]) {
      if (personIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('vetting_records')
        .selectAll()
        .where('person_id', 'in', personIds)
        .orderBy('submitted_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
    },
    pending() {
      return base().where('vetting_records.status', '=', 'pending').orderBy('vetting_records.submitted_on').execute();
    },
    /** Clearances that lapse before an upcoming offering their holder is enrolled in. */
    lapsingBeforeOfferings(today: string) {
      return base()
        .innerJoin('enrollments', 'enrollments.person_id', 'vetting_records.person_id')
        .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
        .innerJoin('course_versions as v', 'v.id', 'offerings.course_version_id')
        .select(['offerings.id as offering_id', 'offerings.start_on as offering_start_on', 'v.title as course_title'])
        .where('vetting_records.status', '=', 'cleared')
        .where('offerings.status', '=', 'scheduled')
        .where('offerings.start_on', '>=', today)
        .where('enrollments.status', '=', 'enrolled')
        .whereRef('vetting_records.valid_until', '<', 'offerings.start_on')
        .orderBy('offerings.start_on')
        .execute();
    },
    insert(row: Insertable<VettingRecordsTable>) {
      return db.insertInto('vetting_records').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<VettingRecordsTable>) {
      return updateVersioned(db, 'vetting_records', id, version, changes);
    },
  };
}

export type VettingRowWithPerson = NonNullable<Awaited<ReturnType<ReturnType<typeof vettingRepository>['findById']>>>;
