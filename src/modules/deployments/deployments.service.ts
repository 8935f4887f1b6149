import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { addDays } from '../../platform/dates.js';
import { allPages, type Page, type PageRequest, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { invalid, notFound, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import { ilrToNumber } from '../people/people.schemas.js';
import { STANDARD_TOUR_DAYS } from '../people/readiness.js';
import { changeDeploymentDates, checkRotationChange } from './deployment-dates.js';
import { toAssignment, toDeployment } from './deployments.mapper.js';
import { assignmentActions, deploymentActions } from './deployments.actions.js';
import { assignmentsPolicy, type DeploymentAccess, deploymentsPolicy as policy } from './deployments.policy.js';
import { assignmentsRepository, type DeploymentFilter, type DeploymentRowWithHost, deploymentsRepository } from './deployments.repository.js';
import { cancelNoteProblem, checkDeploymentStatusChange, deploymentStatusText, HOLDS_PLACE, statusDateProblem } from './deployments.rules.js';
import { deploymentsText } from './deployments.messages.js';
import { readerLocale } from '../../platform/access.js';
import type {
  ChangeDeploymentStatusInput,
  CreateDeploymentInput,
  CreateRotationInput,
  Deployment,
  DeploymentDetail,
  ListDeploymentsQuery,
  UpdateDeploymentInput,
  UpdateRotationInput,
} from './deployments.schemas.js';
import type { ReadinessCheck } from './readiness-check.js';

export interface DeploymentsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  organizations: Pick<OrganizationsService, 'requireReference'>;
  readiness: ReadinessCheck;
}

const defaultEnd = (start: string) => addDays(start, STANDARD_TOUR_DAYS - 1);

export function createDeploymentsService({ db, clock, audit, organizations, readiness }: DeploymentsDeps) {
  /** A change recorded for a past day is dated at its noon (UTC), so it reads as that day everywhere. */
  function pastOrNow(on: string | undefined): string {
    return on === undefined || on === today(clock) ? instant(clock) : `${on}T12:00:00.000Z`;
  }

  function filterFor(ctx: RequestContext, query: Partial<ListDeploymentsQuery>): DeploymentFilter {
    return {
      status: query.status,
      hostCountry: query.hostCountry,
      from: query.from,
      to: query.to,
      track: query.track,
      cancelled: query.cancelled,
      organizationId: query.organizationId,
      scope: policy.scope(ctx.actor, 'read'),
    };
  }

  async function accessOf(row: DeploymentRowWithHost, executor: Kysely<DB>): Promise<DeploymentAccess> {
    return { status: row.status, ...(await assignmentsRepository(executor).holdersOf(row.id)) };
  }

  /** The deployment, or 404 when missing or out of the actor's sight (another agency's answers alike). */
  async function visibleRow(ctx: RequestContext, id: string, executor: Kysely<DB> = db): Promise<DeploymentRowWithHost> {
    const row = await deploymentsRepository(executor).findById(id);
    if (!row || !policy.can(ctx.actor, 'read', await accessOf(row, executor))) throw notFound('deployment');
    return row;
  }

  /** The deployment the actor may take this action on: 404 out of sight, 403 when they see it but may not. */
  async function authorizedRow(ctx: RequestContext, action: 'update' | 'changeStatus' | 'addRotation' | 'updateRotation' | 'nominate', id: string, executor: Kysely<DB> = db) {
    const row = await deploymentsRepository(executor).findById(id);
    if (!row) throw notFound('deployment');
    policy.authorize(ctx.actor, action, await accessOf(row, executor), 'deployment');
    return row;
  }

  /** Deployments as the API shows them, each with what the actor may do to it; in an audit event, without. */
  async function present(ctx: RequestContext | null, rows: DeploymentRowWithHost[], executor: Kysely<DB> = db): Promise<Deployment[]> {
    const repo = deploymentsRepository(executor);
    const extras = await repo.extras(rows.map((r) => r.id));
    const day = today(clock);
    // Every listed row is one the actor may read; what else they may do is decided on the same holders.
    const holders = ctx ? await assignmentsRepository(executor).holdersOfMany(rows.map((r) => r.id)) : null;
    return rows.map((row) => {
      const access = holders && { status: row.status, ...(holders.get(row.id) ?? { personIds: [], organizationIds: [] }) };
      return toDeployment(row, extras, day, ctx && access ? deploymentActions(ctx.actor, access) : []);
    });
  }

  async function detail(ctx: RequestContext, row: DeploymentRowWithHost, executor: Kysely<DB> = db): Promise<DeploymentDetail> {
    const [[deployment], assignments, history] = await Promise.all([
      present(ctx, [row], executor),
      assignmentsRepository(executor).forDeployment(row.id, assignmentsPolicy.scope(ctx.actor, 'read')),
      deploymentsRepository(executor).history(row.id),
    ]);
    const day = today(clock);
    const withBlockers = assignments.filter((a) => assignmentsPolicy.can(ctx.actor, 'readBlockers', a));
    const blockers = withBlockers.length > 0 ? await readiness.blockersFor(ctx, withBlockers, executor) : null;
    return {
      ...(deployment as Deployment),
      assignments: assignments.map((a) => toAssignment(a, day, { blockers: blockers?.get(a.id), allowedActions: assignmentActions(ctx.actor, a), locale: readerLocale(ctx) })),
      history: history.map((h) => ({
        fromStatus: h.from_status,
        toStatus: h.to_status,
        changedAt: h.changed_at,
        changedByName: h.changed_by_name,
        note: h.note,
      })),
    };
  }

  async function checkHost(ctx: RequestContext, trx: Kysely<DB>, organizationId: string | null | undefined) {
    if (!organizationId) return;
    await organizations.requireReference(ctx, organizationId, '/body/hostOrganizationId', trx);
  }

  /** The deployment as an audit event keeps it: no assignments, history or allowed actions. */
  function stripDetail(d: DeploymentDetail): Deployment {
    const { assignments: _a, history: _h, ...rest } = d;
    return { ...rest, allowedActions: [] };
  }

  async function listPage(ctx: RequestContext, query: ListDeploymentsQuery, page: PageRequest): Promise<Page<Deployment>> {
    const sort: SortRequest = { column: 'deployments.start_on', order: query.order };
    const filter = filterFor(ctx, query);
    const repo = deploymentsRepository(db);
    const [rows, total] = await Promise.all([repo.list(filter, sort, page), page.cursor ? undefined : repo.count(filter)]);
    const result = toPage(rows, page, sort, (row) => ({ value: row.start_on, id: row.id }), (row) => row);
    return { items: await present(ctx, result.items), nextCursor: result.nextCursor, total };
  }

  return {
    list(ctx: RequestContext, query: ListDeploymentsQuery) {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    listAll(ctx: RequestContext, query: ListDeploymentsQuery) {
      return allPages((page) => listPage(ctx, query, page));
    },

    async get(ctx: RequestContext, id: string): Promise<DeploymentDetail> {
      return detail(ctx, await visibleRow(ctx, id));
    },

    /** For the assignments service: the deployment as its actor may see it. */
    requireVisible: visibleRow,
    /** For the assignments service: the deployment its actor may take this action on. */
    requireAuthorized: authorizedRow,
    /** For the assignments service: the deployment's lock, taken before anything of it is read. */
    lock: (id: string, executor: Kysely<DB>) => deploymentsRepository(executor).lock(id),

    async create(ctx: RequestContext, input: CreateDeploymentInput): Promise<DeploymentDetail> {
      policy.requireAllowed(ctx.actor, 'create');
      return db.transaction().execute(async (trx) => {
        await checkHost(ctx, trx, input.hostOrganizationId);
        const id = newId();
        const now = instant(clock);
        const plannedProblem = input.plannedOn === undefined ? null : statusDateProblem(input.plannedOn, today(clock), null);
        if (plannedProblem) throw invalid(deploymentsText('deployment.plannedOnInvalid'), [{ pointer: '/body/plannedOn', detail: plannedProblem }]);
        const endOn = input.endOn ?? defaultEnd(input.startOn);
        const repo = deploymentsRepository(trx);
        await repo.insert({
          id,
          title: input.title,
          host_country: input.hostCountry,
          host_organization_id: input.hostOrganizationId ?? null,
          track: input.track,
          status: 'planning',
          start_on: input.startOn,
          end_on: endOn,
          is_high_threat: input.isHighThreat ? 1 : 0,
          summary: input.summary ?? null,
          created_at: now,
          updated_at: now,
        });
        await repo.replaceList('deployment_purposes', id, 'purpose', input.purposes);
        await repo.replaceList('deployment_specialties', id, 'specialty', input.specialties);
        await repo.replaceLanguages(id, input.requiredLanguages.map((l) => ({ language: l.language, min_speaking: ilrToNumber(l.minSpeaking) })));
        await repo.insertRotation({
          id: newId(),
          deployment_id: id,
          sequence: 1,
          start_on: input.startOn,
          end_on: endOn,
          authorized_headcount: input.authorizedHeadcount,
          created_at: now,
          updated_at: now,
        });
        await repo.insertStatusChange({ id: newId(), deployment_id: id, from_status: null, to_status: 'planning', changed_at: pastOrNow(input.plannedOn), changed_by: ctx.actor.id, note: null });
        const created = await detail(ctx, await visibleRow(ctx, id, trx), trx);
        await audit(trx, ctx, { action: 'deployment.create', entityType: 'deployment', entityId: id, after: stripDetail(created) });
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateDeploymentInput): Promise<DeploymentDetail> {
      policy.requireAllowed(ctx.actor, 'update');
      return db.transaction().execute(async (trx) => {
        // Dates and places move rotations and assignments that selections also change under this lock.
        await deploymentsRepository(trx).lock(id);
        const current = await authorizedRow(ctx, 'update', id, trx);
        if (current.status === 'completed' || current.status === 'cancelled') {
          if (input.startOn !== undefined || input.endOn !== undefined || input.authorizedHeadcount !== undefined) {
            throw ruleBroken('deployment.closed', deploymentsText('deployment.closedDates', { status: deploymentStatusText(current.status) }));
          }
        }
        const [before] = await present(null, [current], trx);
        await checkHost(ctx, trx, input.hostOrganizationId);
        const repo = deploymentsRepository(trx);
        const moved = await changeDeploymentDates(trx, { now: instant(clock), actorId: ctx.actor.id }, current, input);
        const isUpdated = await repo.update(id, version, {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.hostCountry !== undefined && { host_country: input.hostCountry }),
          ...(input.hostOrganizationId !== undefined && { host_organization_id: input.hostOrganizationId }),
          ...(input.track !== undefined && { track: input.track }),
          ...(input.isHighThreat !== undefined && { is_high_threat: input.isHighThreat ? 1 : 0 }),
          ...(input.summary !== undefined && { summary: input.summary }),
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('deployment', current.version);
        if (input.purposes) await repo.replaceList('deployment_purposes', id, 'purpose', input.purposes);
        if (input.specialties) await repo.replaceList('deployment_specialties', id, 'specialty', input.specialties);
        if (input.requiredLanguages) {
          await repo.replaceLanguages(id, input.requiredLanguages.map((l) => ({ language: l.language, min_speaking: ilrToNumber(l.minSpeaking) })));
        }
        const after = await detail(ctx, await visibleRow(ctx, id, trx), trx);
        await audit(trx, ctx, { action: 'deployment.update', entityType: 'deployment', entityId: id, before, after: { ...stripDetail(after), assignmentsMoved: moved } });
        return after;
      });
    },

    async changeStatus(ctx: RequestContext, id: string, version: number, input: ChangeDeploymentStatusInput): Promise<DeploymentDetail> {
      policy.requireAllowed(ctx.actor, 'changeStatus');
      return db.transaction().execute(async (trx) => {
        await deploymentsRepository(trx).lock(id);
        const current = await authorizedRow(ctx, 'changeStatus', id, trx);
        const assignments = assignmentsRepository(trx);
        const day = today(clock);
        if (input.on !== undefined) {
          const last = (await deploymentsRepository(trx).history(id)).at(-1);
          const problem = statusDateProblem(input.on, day, last ? last.changed_at.slice(0, 10) : null);
          if (problem) throw invalid(deploymentsText('deployment.statusDayInvalid'), [{ pointer: '/body/on', detail: problem }]);
        }
        const noteProblem = cancelNoteProblem(input.status, input.note);
        if (noteProblem) throw invalid(deploymentsText('deployment.cancelNoteMissing'), [{ pointer: '/body/note', detail: noteProblem }]);
        checkDeploymentStatusChange({
          from: current.status,
          to: input.status,
          today: input.on ?? day,
          endOn: current.end_on,
          selectedCount: await assignments.countInDeployment(id, ['selected', 'ready']),
          deployedNow: await assignments.countInDeployment(id, ['deployed']),
          everDeployed: await assignments.countInDeployment(id, ['deployed', 'returned']),
        });
        const now = instant(clock);
        const changedAt = pastOrNow(input.on);
        const repo = deploymentsRepository(trx);
        if (!(await repo.update(id, version, { status: input.status, updated_at: now }))) throw staleVersion('deployment', current.version);
        await repo.insertStatusChange({ id: newId(), deployment_id: id, from_status: current.status, to_status: input.status, changed_at: changedAt, changed_by: ctx.actor.id, note: input.note ?? null });
        if (input.status === 'cancelled') {
          for (const a of await assignments.forDeployment(id)) {
            if (a.status === 'returned' || a.status === 'withdrawn') continue;
            if (!(await assignments.update(a.id, a.version, { status: 'withdrawn', withdrawn_reason: 'The deployment was cancelled.', updated_at: now }))) {
              throw staleVersion('assignmentOfDeployment', a.version);
            }
            await assignments.insertEvent({ id: newId(), assignment_id: a.id, kind: 'status', from_status: a.status, to_status: 'withdrawn', from_end_on: null, to_end_on: null, note: 'deployment cancelled', recorded_at: now, recorded_by: ctx.actor.id });
          }
        }
        await audit(trx, ctx, {
          action: 'deployment.status_change',
          entityType: 'deployment',
          entityId: id,
          before: { status: current.status },
          after: { status: input.status, note: input.note ?? null, on: input.on ?? day },
        });
        return detail(ctx, await visibleRow(ctx, id, trx), trx);
      });
    },

    /** Adds the next rotation, so a long mission is staffed continuously. */
    async addRotation(ctx: RequestContext, id: string, input: CreateRotationInput): Promise<DeploymentDetail> {
      policy.requireAllowed(ctx.actor, 'addRotation');
      return db.transaction().execute(async (trx) => {
        const current = await authorizedRow(ctx, 'addRotation', id, trx);
        if (current.status === 'completed' || current.status === 'cancelled') {
          throw ruleBroken('deployment.closed', deploymentsText('deployment.closedRotations', { status: deploymentStatusText(current.status) }));
        }
        const repo = deploymentsRepository(trx);
        const last = await repo.lastRotation(id);
        if (last && input.startOn <= last.start_on) {
          throw ruleBroken('rotation.order', deploymentsText('rotation.order', { start: last.start_on }));
        }
        const now = instant(clock);
        const rotationId = newId();
        const endOn = input.endOn ?? defaultEnd(input.startOn);
        await repo.insertRotation({
          id: rotationId,
          deployment_id: id,
          sequence: (last?.sequence ?? 0) + 1,
          start_on: input.startOn,
          end_on: endOn,
          authorized_headcount: input.authorizedHeadcount,
          created_at: now,
          updated_at: now,
        });
        await repo.refreshSpan(id);
        await audit(trx, ctx, { action: 'rotation.create', entityType: 'deployment', entityId: id, after: { rotationId, ...input, endOn } });
        return detail(ctx, await visibleRow(ctx, id, trx), trx);
      });
    },

    async updateRotation(ctx: RequestContext, id: string, rotationId: string, version: number, input: UpdateRotationInput): Promise<DeploymentDetail> {
      policy.requireAllowed(ctx.actor, 'updateRotation');
      return db.transaction().execute(async (trx) => {
        await authorizedRow(ctx, 'updateRotation', id, trx);
        const repo = deploymentsRepository(trx);
        // The headcount may not go below the places taken, which selections take under this lock.
        await repo.lockRotation(rotationId);
        const rotation = await repo.findRotation(rotationId);
        if (!rotation || rotation.deployment_id !== id) throw notFound('rotation');
        const startOn = input.startOn ?? rotation.start_on;
        const endOn = input.endOn ?? rotation.end_on;
        if (endOn < startOn) throw invalid(deploymentsText('rotation.spanInvalid'), [{ pointer: '/body/endOn', detail: deploymentsText('field.beforeStart') }]);
        await checkRotationChange(trx, id, rotationId, { startOn, endOn });
        if (input.authorizedHeadcount !== undefined) {
          const taken = await assignmentsRepository(trx).countInRotation(rotationId, HOLDS_PLACE);
          if (input.authorizedHeadcount < taken) {
            throw ruleBroken('rotation.headcount_below_selected', deploymentsText('rotation.headcountBelowSelected', { count: taken }));
          }
        }
        const isUpdated = await repo.updateRotation(rotationId, version, {
          start_on: startOn,
          end_on: endOn,
          ...(input.authorizedHeadcount !== undefined && { authorized_headcount: input.authorizedHeadcount }),
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('rotation', rotation.version);
        await repo.refreshSpan(id);
        await audit(trx, ctx, {
          action: 'rotation.update',
          entityType: 'deployment',
          entityId: id,
          before: { rotationId, startOn: rotation.start_on, endOn: rotation.end_on, authorizedHeadcount: rotation.authorized_headcount },
          after: { rotationId, startOn, endOn, authorizedHeadcount: input.authorizedHeadcount ?? rotation.authorized_headcount },
        });
        return detail(ctx, await visibleRow(ctx, id, trx), trx);
      });
    },
  };
}

export type DeploymentsService = ReturnType<typeof createDeploymentsService>;
