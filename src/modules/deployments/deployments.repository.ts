import { expressionBuilder, type Insertable, type Kysely, type Updateable } from 'kysely';
import { applyKeyset, countRows, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { lockRows } from '../../platform/db/locks.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type {
  AssignmentEventsTable,
  AssignmentsTable,
  DB,
  DeploymentStatusChangesTable,
  DeploymentsTable,
  RotationsTable,
} from '../../platform/db/schema.js';

export interface DeploymentFilter {
  status?: DB['deployments']['status'] | undefined;
  hostCountry?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  track?: DB['deployments']['track'] | undefined;
  /** Cancelled deployments (never happened) are listed, left out, or alone. */
  cancelled?: 'include' | 'exclude' | 'only' | undefined;
  /** Hosted by this organization, or with one of its people assigned (not withdrawn). */
  organizationId?: string | undefined;
  /** The deployments the actor may see. */
  scope: Scope;
}

/** Which deployed assignments' days count: the dashboard's person-days and the person-days list share it. */
export interface PersonDaysFilter {
  track?: DB['deployments']['track'] | undefined;
  hostCountry?: string | undefined;
  /** The officers of this agency. */
  organizationId?: string | undefined;
  /** Only assignments whose deployed days may fall between these (the rest count nothing there). */
  from?: string | undefined;
  to?: string | undefined;
}

/** An assignment's holders, for a list's `where`: the person in it and their agency. */
const ASSIGNMENT_HOLDERS = { organization: 'people.organization_id', person: 'assignments.person_id' };

/**
 * The deployments a scope reaches, as a `where` over `deployments`: an agency's while it is being
 * staffed, or once its people are in it; a person's once they are in it. The list and the search
 * both filter by it.
 */
export function deploymentsInScope(scope: Scope) {
  const eb = expressionBuilder<DB, 'deployments'>();
  return inScope(scope, {
    organization: (organizationId) =>
      eb.or([
        eb('deployments.status', 'in', ['planning', 'staffing']),
        eb.exists(
          eb
            .selectFrom('assignments as a')
            .innerJoin('people as p', 'p.id', 'a.person_id')
            .select('a.id')
            .whereRef('a.deployment_id', '=', 'deployments.id')
            .where('p.organization_id', '=', organizationId),
        ),
      ]),
    person: (personId) => eb.exists(eb.selectFrom('assignments as a').select('a.id').whereRef('a.deployment_id', '=', 'deployments.id').where('a.person_id', '=', personId)),
  });
}

function chunks<T>(list: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function deploymentsRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('deployments')
      .leftJoin('organizations', 'organizations.id', 'deployments.host_organization_id')
      .selectAll('deployments')
      .select('organizations.name as host_organization_name');
  }

  /** The deployments a list shows and a figure counts, under one filter. */
  function filtered(filter: DeploymentFilter) {
    let query = base();
    if (filter.status) query = query.where('deployments.status', '=', filter.status);
    if (filter.hostCountry) query = query.where('deployments.host_country', '=', filter.hostCountry);
    if (filter.from) query = query.where('deployments.end_on', '>=', filter.from);
    if (filter.to) query = query.where('deployments.start_on', '<=', filter.to);
    query = query.where(deploymentsInScope(filter.scope));
    if (filter.track) query = query.where('deployments.track', '=', filter.track);
    if (filter.cancelled === 'exclude') query = query.where('deployments.status', '!=', 'cancelled');
    if (filter.cancelled === 'only') query = query.where('deployments.status', '=', 'cancelled');
    if (filter.organizationId) {
      const organizationId = filter.organizationId;
      query = query.where((eb) =>
        eb.or([
          eb('deployments.host_organization_id', '=', organizationId),
          eb.exists(
            eb
              .selectFrom('assignments as oa')
              .innerJoin('people as op', 'op.id', 'oa.person_id')
              .select('oa.id')
              .whereRef('oa.deployment_id', '=', 'deployments.id')
              .where('oa.status', '!=', 'withdrawn')
              .where('op.organization_id', '=', organizationId),
          ),
        ]),
      );
    }
    return query;
  }

  return {
    findById(id: string) {
      return base().where('deployments.id', '=', id).executeTakeFirst();
    },
    list(filter: DeploymentFilter, sort: SortRequest, page: PageRequest) {
      return applyKeyset(filtered(filter), 'deployments.id', sort, page).execute();
    },
    /** Every deployment the list holds under the filter, by start: the year report's. */
    all(filter: DeploymentFilter) {
      return filtered(filter).orderBy('deployments.start_on').orderBy('deployments.id').execute();
    },
    /** The list's deployments under the filter, counted by host country: the countries assisted. */
    async countByHostCountry(filter: DeploymentFilter): Promise<Map<string, number>> {
      const rows = await filtered(filter)
        .clearSelect()
        .select(['deployments.host_country', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('deployments.host_country')
        .execute();
      return new Map(rows.map((row) => [row.host_country, Number(row.n)]));
    },
    /** How many the list holds under the same filter: the dashboard's deployments. */
    count(filter: DeploymentFilter): Promise<number> {
      return countRows(filtered(filter));
    },
    async extras(ids: readonly string[]) {
      const purposes: { deployment_id: string; purpose: string }[] = [];
      const languages: { deployment_id: string; language: string; min_speaking: number }[] = [];
      const specialties: { deployment_id: string; specialty: string }[] = [];
      const rotations: Awaited<ReturnType<typeof rotationsOf>> = [];
      const deployed: { deployment_id: string; status: string; deployed_on: string | null; returned_on: string | null; end_on: string }[] = [];
      for (const chunk of chunks(ids)) {
        const [p, l, s, r, d] = await Promise.all([
          db.selectFrom('deployment_purposes').selectAll().where('deployment_id', 'in', chunk).execute(),
          db.selectFrom('deployment_languages').selectAll().where('deployment_id', 'in', chunk).orderBy('language').execute(),
          db.selectFrom('deployment_specialties').selectAll().where('deployment_id', 'in', chunk).orderBy('specialty').execute(),
          rotationsOf(chunk),
          db
            .selectFrom('assignments')
            .select(['deployment_id', 'status', 'deployed_on', 'returned_on', 'end_on'])
            .where('deployment_id', 'in', chunk)
            .where('status', 'in', ['deployed', 'returned'])
            .execute(),
        ]);
        deployed.push(...d);
        purposes.push(...p);
        languages.push(...l);
        specialties.push(...s);
        rotations.push(...r);
      }
      return { purposes, languages, specialties, rotations, deployed };
    },
    insert(row: Insertable<DeploymentsTable>) {
      return db.insertInto('deployments').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<DeploymentsTable>) {
      return updateVersioned(db, 'deployments', id, version, changes);
    },
    /** Keeps the deployment's dates the span of its rotations. */
    async refreshSpan(id: string) {
      const span = await db
        .selectFrom('rotations')
        .select((eb) => [eb.fn.min('start_on').as('start_on'), eb.fn.max('end_on').as('end_on')])
        .where('deployment_id', '=', id)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('deployments')
        .set({ start_on: span.start_on as string, end_on: span.end_on as string })
        .where('id', '=', id)
        .execute();
    },
    async replaceList(table: 'deployment_purposes' | 'deployment_specialties', id: string, column: 'purpose' | 'specialty', values: readonly string[]) {
      await db.deleteFrom(table).where('deployment_id', '=', id).execute();
      if (values.length > 0) {
        await db
          .insertInto(table)
          .values(values.map((value) => ({ deployment_id: id, [column]: value }) as { deployment_id: string; purpose: string; specialty: string }))
          .execute();
      }
    },
    async replaceLanguages(id: string, languages: readonly { language: string; min_speaking: number }[]) {
      await db.deleteFrom('deployment_languages').where('deployment_id', '=', id).execute();
      if (languages.length > 0) await db.insertInto('deployment_languages').values(languages.map((l) => ({ deployment_id: id, ...l }))).execute();
    },
    insertStatusChange(row: Insertable<DeploymentStatusChangesTable>) {
      return db.insertInto('deployment_status_changes').values(row).execute();
    },
    history(id: string) {
      return db
        .selectFrom('deployment_status_changes')
        .leftJoin('users', 'users.id', 'deployment_status_changes.changed_by')
        .selectAll('deployment_status_changes')
        .select('users.name as changed_by_name')
        .where('deployment_id', '=', id)
        .orderBy('changed_at')
        .orderBy('deployment_status_changes.id')
        .execute();
    },
    findRotation(id: string) {
      return db.selectFrom('rotations').selectAll().where('id', '=', id).executeTakeFirst();
    },
    lastRotation(deploymentId: string) {
      return db.selectFrom('rotations').selectAll().where('deployment_id', '=', deploymentId).orderBy('sequence', 'desc').limit(1).executeTakeFirst();
    },
    insertRotation(row: Insertable<RotationsTable>) {
      return db.insertInto('rotations').values(row).execute();
    },
    updateRotation(id: string, version: number, changes: Updateable<RotationsTable>) {
      return updateVersioned(db, 'rotations', id, version, changes);
    },
    /**
     * Takes the deployment's row lock: its status and its assignments' statuses are read and
     * changed under it (a cancellation withdraws everyone; a deployment goes ahead only staffed).
     */
    lock(id: string) {
      return lockRows(db, 'deployments', [id]);
    },
    /** Takes the rotation's row lock, so two selections cannot both take its last place. */
    lockRotation(id: string) {
      return lockRows(db, 'rotations', [id]);
    },
  };

  function rotationsOf(ids: readonly string[]) {
    return db
      .selectFrom('rotations')
      .selectAll()
      .select((eb) => [
        eb
          .selectFrom('assignments')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('assignments.rotation_id', '=', 'rotations.id')
          .where('assignments.status', 'in', ['selected', 'ready', 'deployed', 'returned'])
          .as('selected_count'),
        eb
          .selectFrom('assignments')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('assignments.rotation_id', '=', 'rotations.id')
          .where('assignments.status', 'in', ['deployed', 'returned'])
          .as('deployed_count'),
      ])
      .where('deployment_id', 'in', ids)
      .orderBy('deployment_id')
      .orderBy('sequence')
      .execute();
  }
}

export function assignmentsRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('assignments')
      .innerJoin('deployments', 'deployments.id', 'assignments.deployment_id')
      .innerJoin('rotations', 'rotations.id', 'assignments.rotation_id')
      .innerJoin('people', 'people.id', 'assignments.person_id')
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .selectAll('assignments')
      .select([
        'deployments.title as deployment_title',
        'deployments.status as deployment_status',
        'deployments.host_country as host_country',
        'deployments.is_high_threat as is_high_threat',
        'rotations.sequence as rotation_sequence',
        'people.given_name',
        'people.family_name',
        'people.organization_id as person_organization_id',
        'organizations.name as person_organization_name',
      ]);
  }
  return {
    findById(id: string) {
      return base().where('assignments.id', '=', id).executeTakeFirst();
    },
    /** A deployment's assignments the actor may see (every one when no scope is given, for the rules). */
    forDeployment(deploymentId: string, scope: Scope = { kind: 'all' }) {
      return base()
        .where('assignments.deployment_id', '=', deploymentId)
        .where(inScope(scope, ASSIGNMENT_HOLDERS))
        .orderBy('rotations.sequence')
        .orderBy('people.sort_name')
        .execute();
    },
    /** The people in a deployment and their agencies, whose deployment it is. */
    async holdersOf(deploymentId: string) {
      const rows = await db
        .selectFrom('assignments')
        .innerJoin('people', 'people.id', 'assignments.person_id')
        .select(['assignments.person_id', 'people.organization_id'])
        .where('assignments.deployment_id', '=', deploymentId)
        .execute();
      return { personIds: rows.map((r) => r.person_id), organizationIds: [...new Set(rows.map((r) => r.organization_id))] };
    },
    /** The same for many deployments at once, by deployment. */
    async holdersOfMany(deploymentIds: readonly string[]) {
      const byDeployment = new Map<string, { personIds: string[]; organizationIds: string[] }>();
      for (const chunk of chunks(deploymentIds)) {
        const rows = await db
          .selectFrom('assignments')
          .innerJoin('people', 'people.id', 'assignments.person_id')
          .select(['assignments.deployment_id', 'assignments.person_id', 'people.organization_id'])
          .where('assignments.deployment_id', 'in', chunk)
          .execute();
        for (const row of rows) {
          const holders = byDeployment.get(row.deployment_id) ?? { personIds: [], organizationIds: [] };
          holders.personIds.push(row.person_id);
          if (!holders.organizationIds.includes(row.organization_id)) holders.organizationIds.push(row.organization_id);
          byDeployment.set(row.deployment_id, holders);
        }
      }
      return byDeployment;
    },
    forPerson(personId: string) {
      return base().where('assignments.person_id', '=', personId).orderBy('assignments.start_on').execute();
    },
    forPeople(personIds: readonly string[]) {
      if (personIds.length === 0) return Promise.resolve([]);
      return base().where('assignments.person_id', 'in', personIds).execute();
    },
    /** Assignments that fill people's calendars between two days, for availability. */
    occupying(from: string, to: string) {
      return base()
        .where('assignments.status', 'in', ['nominated', 'selected', 'ready', 'deployed', 'returned'])
        .where('assignments.start_on', '<=', to)
        .where('assignments.end_on', '>=', from)
        .execute();
    },
    /** Assignments whose days count as person-days: deployed or returned, in a deployment that was not cancelled. */
    deployed(scope: Scope, filter: PersonDaysFilter = {}) {
      let query = base()
        .where('assignments.status', 'in', ['deployed', 'returned'])
        .where('deployments.status', '!=', 'cancelled')
        .where(inScope(scope, ASSIGNMENT_HOLDERS));
      if (filter.track) query = query.where('deployments.track', '=', filter.track);
      if (filter.hostCountry) query = query.where('deployments.host_country', '=', filter.hostCountry);
      if (filter.organizationId) query = query.where('people.organization_id', '=', filter.organizationId);
      if (filter.to) query = query.where('assignments.deployed_on', '<=', filter.to);
      if (filter.from) {
        const from = filter.from;
        // deployedPeriod's end: the return, else the planned end.
        query = query.where((eb) =>
          eb.or([eb('assignments.returned_on', '>=', from), eb.and([eb('assignments.returned_on', 'is', null), eb('assignments.end_on', '>=', from)])]),
        );
      }
      return query.execute();
    },
    /** The assignments the actor may see that run between two days and were not withdrawn, for the calendar. */
    inWindow(from: string, to: string, scope: Scope) {
      return base()
        .where('assignments.start_on', '<=', to)
        .where('assignments.end_on', '>=', from)
        .where('assignments.status', '!=', 'withdrawn')
        .where(inScope(scope, ASSIGNMENT_HOLDERS))
        .orderBy('assignments.start_on')
        .execute();
    },
    insert(row: Insertable<AssignmentsTable>) {
      return db.insertInto('assignments').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<AssignmentsTable>) {
      return updateVersioned(db, 'assignments', id, version, changes);
    },
    insertEvent(row: Insertable<AssignmentEventsTable>) {
      return db.insertInto('assignment_events').values(row).execute();
    },
    async countInRotation(rotationId: string, statuses: readonly DB['assignments']['status'][]): Promise<number> {
      const row = await db
        .selectFrom('assignments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('rotation_id', '=', rotationId)
        .where('status', 'in', statuses)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async countInDeployment(deploymentId: string, statuses: readonly DB['assignments']['status'][]): Promise<number> {
      const row = await db
        .selectFrom('assignments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('deployment_id', '=', deploymentId)
        .where('status', 'in', statuses)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type DeploymentRowWithHost = NonNullable<Awaited<ReturnType<ReturnType<typeof deploymentsRepository>['findById']>>>;
export type DeploymentExtras = Awaited<ReturnType<ReturnType<typeof deploymentsRepository>['extras']>>;
export type AssignmentRowWithNames = NonNullable<Awaited<ReturnType<ReturnType<typeof assignmentsRepository>['findById']>>>;
