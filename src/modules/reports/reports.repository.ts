import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { type TrainedFilter, trainedEnrollments } from '../training/trained.repository.js';
import { certificationsRepository } from '../training/certifications.repository.js';
import { type DeploymentFilter, deploymentsRepository } from '../deployments/deployments.repository.js';

export interface ReportFilter {
  from: string;
  to: string;
  track?: DB['partnership_tracks']['track'] | undefined;
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
    async partnerships(filter: { track?: DB['partnership_tracks']['track'] | undefined; organizationId?: string | undefined }) {
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
      if (rows.length === 0) return [];
      // Filtered by organization, the changes are a handful; otherwise every partnership's are wanted,
      // and reading them all beats an IN list of thousands of ids.
      let changesQuery = db.selectFrom('partnership_stage_changes as c').select(['c.partnership_id', 'c.to_stage', 'c.changed_on']);
      if (filter.organizationId) changesQuery = changesQuery.where('c.partnership_id', 'in', rows.map((r) => r.id));
      const changes = await changesQuery.orderBy('c.changed_on').orderBy('c.recorded_at').execute();
      const byPartnership = groupBy(changes, (c) => c.partnership_id);
      return rows.map((row) => ({ ...row, changes: byPartnership.get(row.id) ?? [] }));
    },

    /** Each partnership's tracks, target countries and agreements, read once for all of them. */
    async partnershipDetails() {
      const [tracks, countries, agreements] = await Promise.all([
        db.selectFrom('partnership_tracks').select(['partnership_id', 'track']).orderBy('partnership_id').orderBy('track').execute(),
        db.selectFrom('partnership_countries').select(['partnership_id', 'country']).orderBy('partnership_id').orderBy('country').execute(),
        db.selectFrom('agreements').select(['partnership_id', 'expires_on']).orderBy('partnership_id').orderBy('signed_on').execute(),
      ]);
      return {
        tracks: groupBy(tracks, (t) => t.partnership_id),
        countries: groupBy(countries, (c) => c.partnership_id),
        agreements: groupBy(agreements, (a) => a.partnership_id),
      };
    },

    engagements(filter: ReportFilter) {
      let query = db
        .selectFrom('engagements as e')
        .innerJoin('organizations as o', 'o.id', 'e.organization_id')
        .select(['e.id', 'e.occurred_on', 'e.kind', 'e.title', 'e.outcome', 'e.location', 'o.id as organization_id', 'o.name as organization_name', 'o.country'])
        .where('e.occurred_on', '>=', filter.from)
        .where('e.occurred_on', '<=', filter.to)
        // A meeting withdrawn as logged in error is no meeting (as in the engagements list).
        .where('e.withdrawn_at', 'is', null);
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

    /** The deployments of the list under a filter (the deployments module's one definition), with their purposes. */
    async deployments(filter: ReportFilter) {
      const list: DeploymentFilter = { from: filter.from, to: filter.to, track: filter.track, hostCountry: filter.country, cancelled: 'exclude', scope: { kind: 'all' } };
      const rows = (await deploymentsRepository(db).all(list)).map((row) => ({ ...row, host_name: row.host_organization_name }));
      const purposes = groupBy(rows.length ? await db.selectFrom('deployment_purposes').selectAll().where('deployment_id', 'in', rows.map((r) => r.id)).execute() : [], (p) => p.deployment_id);
      return rows.map((row) => ({ ...row, purposes: (purposes.get(row.id) ?? []).map((p) => p.purpose) }));
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

    /**
     * Distinct people who completed a course in an offering that ended in the period, counted by
     * the database in the groups asked for. Counts of groups add up only where a person falls in
     * one group (sex within a country); across countries or tracks, ask for the total itself.
     */
    async trainedPeople(filter: TrainedFilter & { organizationId?: string | undefined }, by: { country?: boolean; sex?: boolean; track?: boolean } = {}) {
      // Each person once per group of their training (country, track), then their sex read once
      // for each: a quarter of a million enrollments a year become the people they name. Grouped
      // (sorted) rather than DISTINCT, so the people come in the order of their key and their rows
      // are read in that order; an agency's people are found first, and only their enrollments kept.
      let trained = trainedEnrollments(db, filter)
        .select('te.person_id as person_id')
        .groupBy('te.person_id')
        .$if(by.country === true, (q) => q.select('tof.country as country').groupBy('tof.country'))
        .$if(by.track === true, (q) => q.select('tc.track as track').groupBy('tc.track'));
      if (filter.organizationId) trained = trained.where('te.person_id', 'in', db.selectFrom('people as ap').select('ap.id').where('ap.organization_id', '=', filter.organizationId));
      let query = db
        .selectFrom(trained.as('t'))
        .innerJoin('people as p', 'p.id', 't.person_id')
        .select((eb) => eb.fn.countAll<number | string>().as('people'))
        .$if(by.country === true, (q) => q.select(sql<string>`t.country`.as('country')).groupBy(sql`t.country`))
        .$if(by.sex === true, (q) => q.select('p.sex').groupBy('p.sex'))
        .$if(by.track === true, (q) => q.select(sql<DB['courses']['track']>`t.track`.as('track')).groupBy(sql`t.track`));
      if (filter.organizationId) query = query.where('p.organization_id', '=', filter.organizationId);
      const rows = await query.execute();
      // PostgreSQL counts in bigint, which its driver hands over as a string.
      return rows.map((row) => ({ ...row, people: Number(row.people) }));
    },

    /** How many offerings ran in the period in each country (the offerings list's filter, counted by the database). */
    async offeringsByCountry(filter: ReportFilter): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('offerings as o')
        .select(['o.country', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('o.start_on', '<=', filter.to)
        .where('o.end_on', '>=', filter.from)
        .where('o.status', '!=', 'cancelled')
        .groupBy('o.country')
        .execute();
      return new Map(rows.map((row) => [row.country, Number(row.n)]));
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

    /**
     * Instructor certifications (a course of instructor level or above grants them) issued by a
     * day, with their holder's agency: the certifications list's own definition, read whole.
     */
    instructorCertifications(filter: { track?: DB['partnership_tracks']['track'] | undefined; organizationId?: string | undefined; issuedBy: string }) {
      return certificationsRepository(db).holdings({
        credentialLevel: 'instructor',
        issuedTo: filter.issuedBy,
        track: filter.track,
        organizationId: filter.organizationId,
        today: filter.issuedBy,
        scope: { kind: 'all' },
      });
    },

    async organizationNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /**
     * The years something happened in (an offering ended, a deployment started, an engagement took
     * place), found by one index seek per year and table: the first day on or after each next
     * January 1st. Twenty years are some sixty seeks, where reading every day read every record.
     */
    async activityYears(): Promise<Set<number>> {
      const years = new Set<number>();
      const dated = [
        ['offerings', 'end_on'],
        ['deployments', 'start_on'],
        ['engagements', 'occurred_on'],
      ] as const;
      for (const [table, column] of dated) {
        let from = '0001-01-01';
        for (;;) {
          const row = await db
            .selectFrom(table)
            .select((eb) => eb.fn.min<string | null>(column).as('day'))
            .where(column, '>=', from)
            .executeTakeFirst();
          if (!row?.day) break;
          const year = Number(String(row.day).slice(0, 4));
          years.add(year);
          from = `${String(year + 1).padStart(4, '0')}-01-01`;
        }
      }
      return years;
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
  };
}

/** People trained in each country, by sex: anything but female or male is unrecorded. */
export function trainedBySex(groups: readonly { country?: string | undefined; sex?: string | null | undefined; people: number }[]) {
  const byCountry = new Map<string, { total: number; female: number; male: number; unrecorded: number }>();
  for (const group of groups) {
    const country = group.country ?? '';
    const entry = byCountry.get(country) ?? { total: 0, female: 0, male: 0, unrecorded: 0 };
    entry.total += group.people;
    if (group.sex === 'female') entry.female += group.people;
    else if (group.sex === 'male') entry.male += group.people;
    else entry.unrecorded += group.people;
    byCountry.set(country, entry);
  }
  return byCountry;
}

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
