import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export interface ReportFilter {
  from: string;
  to: string;
  track?: string | undefined;
  country?: string | undefined;
  organizationId?: string | undefined;
}

/**
 * The queries behind the reports. Reports read across the modules' tables (and only read): each
 * figure is one query the report can name, so a figure can be traced to its records.
 */
export function reportsRepository(db: Kysely<DB>) {
  return {
    programOffice() {
      return db.selectFrom('organizations').select(['id', 'name', 'acronym', 'country']).where('kind', '=', 'program_office').orderBy('created_at').executeTakeFirst();
    },

    /** Every partnership with its organization and the stage changes up to a day. */
    async partnerships(filter: { track?: string | undefined; organizationId?: string | undefined }) {
      let query = db
        .selectFrom('partnerships as p')
        .innerJoin('organizations as o', 'o.id', 'p.organization_id')
        .select(['p.id', 'p.organization_id', 'o.name', 'o.acronym', 'o.kind', 'o.country', 'p.stage', 'p.stage_changed_on']);
      if (filter.organizationId) query = query.where('p.organization_id', '=', filter.organizationId);
      if (filter.track) {
        const track = filter.track;
        query = query.where((eb) => eb.exists(eb.selectFrom('partnership_tracks as t').select('t.track').whereRef('t.partnership_id', '=', 'p.id').where('t.track', '=', track)));
      }
      const rows = await query.orderBy('o.search_name').execute();
      const changes = rows.length
        ? await db.selectFrom('partnership_stage_changes').select(['partnership_id', 'to_stage', 'changed_on']).where('partnership_id', 'in', rows.map((r) => r.id)).orderBy('changed_on').orderBy('recorded_at').execute()
        : [];
      return rows.map((row) => ({ ...row, changes: changes.filter((c) => c.partnership_id === row.id) }));
    },

    engagements(filter: ReportFilter) {
      let query = db
        .selectFrom('engagements as e')
        .innerJoin('organizations as o', 'o.id', 'e.organization_id')
        .select(['e.id', 'e.occurred_on', 'e.kind', 'e.title', 'e.outcome', 'e.location', 'o.id as organization_id', 'o.name as organization_name', 'o.country'])
        .where('e.occurred_on', '>=', filter.from)
        .where('e.occurred_on', '<=', filter.to);
      if (filter.organizationId) query = query.where('e.organization_id', '=', filter.organizationId);
      return query.orderBy('e.occurred_on').execute();
    },

    participants(engagementIds: readonly string[]) {
      if (engagementIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('engagement_participants').select(['engagement_id', 'name', 'title']).where('engagement_id', 'in', engagementIds).orderBy('position').execute();
    },

    openTasks(filter: { dueFrom?: string; dueTo?: string; overdueOn?: string; organizationId?: string | undefined }) {
      let query = db
        .selectFrom('tasks as t')
        .leftJoin('organizations as o', 'o.id', 't.organization_id')
        .select(['t.id', 't.title', 't.due_on', 'o.name as organization_name'])
        .where('t.status', '=', 'open');
      if (filter.dueFrom) query = query.where('t.due_on', '>=', filter.dueFrom);
      if (filter.dueTo) query = query.where('t.due_on', '<=', filter.dueTo);
      if (filter.overdueOn) query = query.where('t.due_on', '<', filter.overdueOn);
      if (filter.organizationId) query = query.where('t.organization_id', '=', filter.organizationId);
      return query.orderBy('t.due_on').execute();
    },

    /** Deployments running in a period, with their purposes. */
    async deployments(filter: ReportFilter) {
      let query = db
        .selectFrom('deployments as d')
        .leftJoin('organizations as h', 'h.id', 'd.host_organization_id')
        .select(['d.id', 'd.title', 'd.host_country', 'd.status', 'd.start_on', 'd.end_on', 'd.track', 'h.name as host_name'])
        .where('d.start_on', '<=', filter.to)
        .where('d.end_on', '>=', filter.from)
        .where('d.status', '!=', 'cancelled');
      if (filter.track) query = query.where('d.track', '=', filter.track);
      if (filter.country) query = query.where('d.host_country', '=', filter.country);
      const rows = await query.orderBy('d.start_on').execute();
      const purposes = rows.length ? await db.selectFrom('deployment_purposes').selectAll().where('deployment_id', 'in', rows.map((r) => r.id)).execute() : [];
      return rows.map((row) => ({ ...row, purposes: purposes.filter((p) => p.deployment_id === row.id).map((p) => p.purpose) }));
    },

    /** Assignments that were deployed, with their person's agency and sex. */
    deployedAssignments(deploymentIds: readonly string[], organizationId?: string) {
      if (deploymentIds.length === 0) return Promise.resolve([]);
      let query = db
        .selectFrom('assignments as a')
        .innerJoin('people as p', 'p.id', 'a.person_id')
        .innerJoin('organizations as o', 'o.id', 'p.organization_id')
        .select(['a.deployment_id', 'a.person_id', 'a.status', 'a.deployed_on', 'a.returned_on', 'a.end_on', 'a.role', 'p.sex', 'o.id as organization_id', 'o.name as organization_name'])
        .where('a.deployment_id', 'in', deploymentIds)
        .where('a.status', 'in', ['deployed', 'returned']);
      if (organizationId) query = query.where('p.organization_id', '=', organizationId);
      return query.execute();
    },

    /** Completed enrollments in offerings that ended in a period: who was trained, where. */
    trained(filter: ReportFilter) {
      let query = db
        .selectFrom('enrollments as e')
        .innerJoin('offerings as o', 'o.id', 'e.offering_id')
        .innerJoin('courses as c', 'c.id', 'o.course_id')
        .innerJoin('people as p', 'p.id', 'e.person_id')
        .select(['e.person_id', 'o.id as offering_id', 'o.country', 'o.end_on', 'c.level', 'c.track', 'p.sex', 'p.organization_id'])
        .where('e.status', '=', 'completed')
        .where('o.end_on', '>=', filter.from)
        .where('o.end_on', '<=', filter.to);
      if (filter.track) query = query.where('c.track', '=', filter.track);
      if (filter.country) query = query.where('o.country', '=', filter.country);
      if (filter.organizationId) query = query.where('p.organization_id', '=', filter.organizationId);
      return query.execute();
    },

    offerings(filter: ReportFilter) {
      let query = db
        .selectFrom('offerings as o')
        .innerJoin('courses as c', 'c.id', 'o.course_id')
        .innerJoin('course_versions as v', 'v.id', 'o.course_version_id')
        .select(['o.id', 'o.start_on', 'o.end_on', 'o.country', 'o.city', 'o.status', 'c.code', 'c.level', 'c.track', 'v.title'])
        .where('o.start_on', '<=', filter.to)
        .where('o.end_on', '>=', filter.from)
        .where('o.status', '!=', 'cancelled');
      if (filter.track) query = query.where('c.track', '=', filter.track);
      if (filter.country) query = query.where('o.country', '=', filter.country);
      return query.orderBy('o.start_on').execute();
    },

    /** Certifications with their holder's agency, for counts of instructors certified and holding. */
    certifications(filter: { track?: string | undefined; organizationId?: string | undefined; issuedBy: string }) {
      let query = db
        .selectFrom('certifications as c')
        .innerJoin('credentials as cr', 'cr.id', 'c.credential_id')
        .innerJoin('people as p', 'p.id', 'c.person_id')
        .innerJoin('organizations as o', 'o.id', 'p.organization_id')
        .select(['c.id', 'c.person_id', 'c.credential_id', 'cr.name as credential_name', 'cr.track', 'c.issued_on', 'c.expires_on', 'c.revoked_at', 'o.country', 'o.id as organization_id', 'p.sex'])
        .where('c.issued_on', '<=', filter.issuedBy);
      if (filter.track) query = query.where('cr.track', '=', filter.track);
      if (filter.organizationId) query = query.where('p.organization_id', '=', filter.organizationId);
      return query.execute();
    },

    /** Credentials an instructor-level course grants: holding one makes a certified instructor. */
    async instructorCredentialIds(): Promise<Set<string>> {
      const rows = await db.selectFrom('courses').select('grants_credential_id').where('level', 'in', ['instructor', 'master']).where('grants_credential_id', 'is not', null).execute();
      return new Set(rows.map((r) => r.grants_credential_id as string));
    },

    async organizationNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    agreementsRenewing(from: string, to: string) {
      return db
        .selectFrom('agreements as a')
        .innerJoin('partnerships as p', 'p.id', 'a.partnership_id')
        .innerJoin('organizations as o', 'o.id', 'p.organization_id')
        .select(['a.reference', 'a.renewal_due_on', 'a.expires_on', 'o.name as organization_name'])
        .where('a.renewal_due_on', '>=', from)
        .where('a.renewal_due_on', '<=', to)
        .orderBy('a.renewal_due_on')
        .execute();
    },

    agreementsOf(partnershipIds: readonly string[]) {
      if (partnershipIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('agreements').selectAll().where('partnership_id', 'in', partnershipIds).orderBy('signed_on').execute();
    },
  };
}
