import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, invalid, notFound, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PeopleService } from '../people/people.service.js';
import { ilrToNumber } from '../people/people.schemas.js';
import { peopleText } from '../people/people.messages.js';
import { peoplePolicy } from '../people/people.policy.js';
import { readerLocale } from '../../platform/access.js';
import { deploymentsText } from './deployments.messages.js';
import { scoreCandidate, WEIGHTS } from './candidates.js';
import { bestCandidates } from './candidates.finder.js';
import { periodReadinessBounds } from '../people/readiness.js';
import { toAssignment } from './deployments.mapper.js';
import { assignmentActions } from './deployments.actions.js';
import { assignmentsPolicy as policy, deploymentsPolicy } from './deployments.policy.js';
import { type AssignmentRowWithNames, assignmentsRepository, deploymentsRepository } from './deployments.repository.js';
import { extendDeploymentTo } from './deployment-dates.js';
import {
  assignmentStatusText,
  checkAssignmentTransition,
  DEPLOYABLE,
  deploymentStatusText,
  extensionProblems,
  headcountFull,
  HOLDS_PLACE,
  isExtendable,
  joinTexts,
  OCCUPIES_CALENDAR,
  OPEN_FOR_NOMINATIONS,
  overlapConflict,
  periodOutsideProblems,
  spanProblems,
} from './deployments.rules.js';
import type { Assignment, Candidate, CandidatesQuery, ChangeAssignmentStatusInput, NominateInput } from './deployments.schemas.js';
import type { DeploymentsService } from './deployments.service.js';
import type { ReadinessCheck } from './readiness-check.js';

export interface AssignmentsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  people: Pick<PeopleService, 'profiles' | 'candidatesByBound' | 'candidateProfiles' | 'lock'>;
  deployments: Pick<DeploymentsService, 'requireVisible' | 'requireAuthorized' | 'lock'>;
  readiness: ReadinessCheck;
}

const notRotationOfDeployment = (pointer: string) => invalid(deploymentsText('rotation.notOfDeployment'), [{ pointer, detail: deploymentsText('field.notRotationOfDeployment') }]);

function personName(row: Pick<AssignmentRowWithNames, 'given_name' | 'family_name'>): string {
  return `${row.given_name} ${row.family_name}`;
}

/** Nominating, selecting, readying, deploying, returning, withdrawing and extending officers. */
export function createAssignmentsService({ db, clock, audit, people, deployments, readiness }: AssignmentsDeps) {
  async function visibleAssignment(ctx: RequestContext, deploymentId: string, id: string, executor: Kysely<DB>) {
    const row = await assignmentsRepository(executor).findById(id);
    // Another agency's assignment answers exactly like a missing one.
    if (!row || row.deployment_id !== deploymentId || !policy.can(ctx.actor, 'read', row)) throw notFound('assignment');
    return row;
  }

  /** No person in two overlapping assignments: checked under the person's lock. */
  async function checkNoOverlap(trx: Kysely<DB>, personId: string, name: string, period: { start: string; end: string }, exceptId?: string) {
    const others = await assignmentsRepository(trx).forPerson(personId);
    const clash = others.find(
      (a) => a.id !== exceptId && OCCUPIES_CALENDAR.includes(a.status) && a.start_on <= period.end && period.start <= a.end_on,
    );
    if (clash) throw overlapConflict(name, { title: clash.deployment_title, start: clash.start_on, end: clash.end_on });
  }

  async function refuseIfNotReady(ctx: RequestContext, trx: Kysely<DB>, row: AssignmentRowWithNames, period: { start_on: string; end_on: string }) {
    const blockers = (await readiness.blockersFor(ctx, [{ ...row, ...period }], trx)).get(row.id) ?? [];
    const first = blockers[0];
    if (first) {
      throw new AppError('rule_broken', deploymentsText('sentence', { words: joinTexts(blockers.map((b) => b.detail), 'semicolon') }), {
        rule: first.rule,
        errors: blockers.map((b) => ({ pointer: `/readiness/${b.rule.replace('readiness.', '')}`, detail: b.detail })),
      });
    }
  }

  async function record(trx: Kysely<DB>, ctx: RequestContext, row: AssignmentRowWithNames, event: { kind: DB['assignment_events']['kind']; to?: DB['assignments']['status']; fromEnd?: string; toEnd?: string; note?: string | null }) {
    await assignmentsRepository(trx).insertEvent({
      id: newId(),
      assignment_id: row.id,
      kind: event.kind,
      from_status: event.to ? row.status : null,
      to_status: event.to ?? null,
      from_end_on: event.fromEnd ?? null,
      to_end_on: event.toEnd ?? null,
      note: event.note ?? null,
      recorded_at: instant(clock),
      recorded_by: ctx.actor.id,
    });
  }

  async function reread(ctx: RequestContext, trx: Kysely<DB>, deploymentId: string, id: string): Promise<Assignment> {
    const row = await visibleAssignment(ctx, deploymentId, id, trx);
    const blockers = policy.can(ctx.actor, 'readBlockers', row) ? (await readiness.blockersFor(ctx, [row], trx)).get(id) : undefined;
    return toAssignment(row, today(clock), { blockers, allowedActions: assignmentActions(ctx.actor, row), locale: readerLocale(ctx) });
  }

  return {
    async list(ctx: RequestContext, deploymentId: string): Promise<Assignment[]> {
      await deployments.requireVisible(ctx, deploymentId);
      const rows = await assignmentsRepository(db).forDeployment(deploymentId, policy.scope(ctx.actor, 'read'));
      const withBlockers = rows.filter((a) => policy.can(ctx.actor, 'readBlockers', a));
      const blockers = withBlockers.length > 0 ? await readiness.blockersFor(ctx, withBlockers, db) : null;
      const day = today(clock);
      return rows.map((a) => toAssignment(a, day, { blockers: blockers?.get(a.id), allowedActions: assignmentActions(ctx.actor, a), locale: readerLocale(ctx) }));
    },

    /** A person's assignments, for their timeline. */
    async forPerson(ctx: RequestContext, personId: string): Promise<Assignment[]> {
      const profile = (await people.profiles(ctx, [personId])).get(personId);
      // Whoever sees only a person's name does not see where they serve.
      if (!profile || !peoplePolicy.can(ctx.actor, 'readDetail', { id: profile.id, organizationId: profile.organizationId })) throw notFound('person');
      const day = today(clock);
      return (await assignmentsRepository(db).forPerson(personId)).map((a) => toAssignment(a, day));
    },

    async nominate(ctx: RequestContext, deploymentId: string, input: NominateInput): Promise<Assignment> {
      deploymentsPolicy.requireAllowed(ctx.actor, 'nominate');
      return db.transaction().execute(async (trx) => {
        // The deployment's status is read under its lock, the person's calendar under theirs.
        await deployments.lock(deploymentId, trx);
        const deployment = await deployments.requireAuthorized(ctx, 'nominate', deploymentId, trx);
        if (!OPEN_FOR_NOMINATIONS.includes(deployment.status)) {
          throw ruleBroken('deployment.closed_for_nominations', deploymentsText('deployment.closedForNominations', { status: deploymentStatusText(deployment.status) }));
        }
        const profile = (await people.profiles(ctx, [input.personId], trx)).get(input.personId);
        // A coordinator sees their own agency's people only, so whomever they find they may nominate.
        if (!profile) throw invalid(deploymentsText('assignment.personMissing'), [{ pointer: '/body/personId', detail: deploymentsText('field.personNotVisible') }]);
        if (profile.status !== 'active') throw ruleBroken('assignment.person_not_active', deploymentsText('assignment.personNotActive', { name: profile.name, status: peopleText(`personStatus.${profile.status}`) }));
        const repo = deploymentsRepository(trx);
        const rotation = input.rotationId ? await repo.findRotation(input.rotationId) : await repo.lastRotation(deploymentId);
        if (!rotation || rotation.deployment_id !== deploymentId) {
          throw notRotationOfDeployment('/body/rotationId');
        }
        const period = { start: input.startOn ?? rotation.start_on, end: input.endOn ?? rotation.end_on };
        const problems = [...spanProblems({ startOn: period.start, endOn: period.end }), ...periodOutsideProblems({ startOn: period.start, endOn: period.end }, { startOn: deployment.start_on, endOn: deployment.end_on })];
        if (problems.length > 0) throw invalid(deploymentsText('assignment.datesOutside'), problems.map((p) => ({ pointer: `/body/${p.field}`, detail: p.message })));
        await people.lock(input.personId, trx);
        await checkNoOverlap(trx, input.personId, profile.name, period);
        const id = newId();
        const now = instant(clock);
        await assignmentsRepository(trx).insert({
          id,
          deployment_id: deploymentId,
          rotation_id: rotation.id,
          person_id: input.personId,
          role: input.role,
          status: 'nominated',
          start_on: period.start,
          end_on: period.end,
          deployed_on: null,
          returned_on: null,
          withdrawn_reason: null,
          nominated_by: ctx.actor.id,
          created_at: now,
          updated_at: now,
        });
        const created = await reread(ctx, trx, deploymentId, id);
        await audit(trx, ctx, { action: 'assignment.nominate', entityType: 'assignment', entityId: id, after: created });
        return created;
      });
    },

    async changeStatus(ctx: RequestContext, deploymentId: string, id: string, version: number, input: ChangeAssignmentStatusInput): Promise<Assignment> {
      return db.transaction().execute(async (trx) => {
        // Whether the deployment is under way, and whether it is cancelled, holds until this is done.
        await deployments.lock(deploymentId, trx);
        const row = await visibleAssignment(ctx, deploymentId, id, trx);
        const name = personName(row);
        const to = input.status;
        // A coordinator may take back their own nomination; everything else is the program office's.
        policy.authorize(ctx.actor, to, row, 'assignment');
        checkAssignmentTransition(row.status, to, name);
        const deployment = await deployments.requireVisible(ctx, deploymentId, trx);
        const changes: Parameters<ReturnType<typeof assignmentsRepository>['update']>[2] = { status: to, updated_at: instant(clock) };

        if (to === 'selected' && row.status === 'nominated') {
          await deploymentsRepository(trx).lockRotation(row.rotation_id);
          const rotation = await deploymentsRepository(trx).findRotation(row.rotation_id);
          const taken = await assignmentsRepository(trx).countInRotation(row.rotation_id, HOLDS_PLACE);
          if (rotation && taken >= rotation.authorized_headcount) throw headcountFull(name, rotation.authorized_headcount);
        }
        if (to === 'ready') await refuseIfNotReady(ctx, trx, row, row);
        if (to === 'deployed') {
          if (!DEPLOYABLE.includes(deployment.status)) {
            throw ruleBroken('assignment.deployment_not_under_way', deploymentsText('assignment.deploymentNotUnderWay', { name, status: deploymentStatusText(deployment.status) }));
          }
          await refuseIfNotReady(ctx, trx, row, row);
          changes.deployed_on = input.on ?? row.start_on;
          if (changes.deployed_on > today(clock)) throw ruleBroken('assignment.deploy_in_future', deploymentsText('assignment.deployInFuture', { name, on: changes.deployed_on }));
        }
        if (to === 'returned') {
          const returnedOn = input.on ?? today(clock);
          if (row.deployed_on && returnedOn < row.deployed_on) {
            throw ruleBroken('assignment.return_before_deploy', deploymentsText('assignment.returnBeforeDeploy', { name, returned: returnedOn, deployed: row.deployed_on }));
          }
          changes.returned_on = returnedOn;
        }
        if (to === 'withdrawn') {
          if (!input.reason) throw invalid(deploymentsText('assignment.withdrawReasonMissing'), [{ pointer: '/body/reason', detail: deploymentsText('field.withdrawReason') }]);
          changes.withdrawn_reason = input.reason;
        }
        if (!(await assignmentsRepository(trx).update(id, version, changes))) throw staleVersion('assignment', row.version);
        await record(trx, ctx, row, { kind: 'status', to, note: input.reason ?? null });
        const after = await reread(ctx, trx, deploymentId, id);
        await audit(trx, ctx, { action: `assignment.${to}`, entityType: 'assignment', entityId: id, before: toAssignment(row, today(clock)), after });
        return after;
      });
    },

    /** Moves the end of an assignment later, under the same rules as the first dates. */
    async extend(ctx: RequestContext, deploymentId: string, id: string, version: number, input: { endOn: string; reason?: string | null | undefined }): Promise<Assignment> {
      policy.requireAllowed(ctx.actor, 'extend');
      return db.transaction().execute(async (trx) => {
        // Past the deployment's end, the extension moves the deployment's last rotation, under its lock.
        await deployments.lock(deploymentId, trx);
        const row = await visibleAssignment(ctx, deploymentId, id, trx);
        policy.authorize(ctx.actor, 'extend', row, 'assignment');
        // Changed since the caller read it (perhaps while this waited for the lock): stale first, whatever it became.
        if (row.version !== version) throw staleVersion('assignment', row.version);
        const name = personName(row);
        if (!isExtendable(row.status)) throw ruleBroken('assignment.closed', deploymentsText('assignment.closed', { name, status: assignmentStatusText(row.status) }));
        const problems = extensionProblems(row.end_on, input.endOn);
        if (problems.length > 0) throw invalid(deploymentsText('assignment.extensionNotLater'), problems.map((p) => ({ pointer: `/body/${p.field}`, detail: p.message })));
        await extendDeploymentTo(trx, deploymentId, input.endOn, instant(clock));
        await people.lock(row.person_id, trx);
        await checkNoOverlap(trx, row.person_id, name, { start: row.start_on, end: input.endOn }, id);
        if (row.status === 'ready' || row.status === 'deployed') await refuseIfNotReady(ctx, trx, row, { start_on: row.start_on, end_on: input.endOn });
        if (!(await assignmentsRepository(trx).update(id, version, { end_on: input.endOn, updated_at: instant(clock) }))) throw staleVersion('assignment', row.version);
        await record(trx, ctx, row, { kind: 'extension', fromEnd: row.end_on, toEnd: input.endOn, note: input.reason ?? null });
        const after = await reread(ctx, trx, deploymentId, id);
        await audit(trx, ctx, { action: 'assignment.extend', entityType: 'assignment', entityId: id, before: { endOn: row.end_on }, after: { endOn: input.endOn, reason: input.reason ?? null } });
        return after;
      });
    },

    /** People ranked for a rotation of a deployment, each score explained. */
    async candidates(ctx: RequestContext, deploymentId: string, options: CandidatesQuery): Promise<Candidate[]> {
      deploymentsPolicy.requireAllowed(ctx.actor, 'nominate');
      const deployment = await deployments.requireAuthorized(ctx, 'nominate', deploymentId);
      const repo = deploymentsRepository(db);
      const rotation = options.rotationId ? await repo.findRotation(options.rotationId) : await repo.lastRotation(deploymentId);
      if (!rotation || rotation.deployment_id !== deploymentId) {
        throw notRotationOfDeployment('/query/rotationId');
      }
      const extras = await repo.extras([deploymentId]);
      const period = { start: rotation.start_on, end: rotation.end_on };
      const narrow = {
        organizationId: options.organizationId,
        language: options.language,
        minSpeaking: options.minSpeaking === undefined ? undefined : ilrToNumber(options.minSpeaking),
        track: options.track,
      };
      const occupying = await assignmentsRepository(db).occupying(period.start, period.end);
      const assignedHere = new Set(occupying.filter((a) => a.deployment_id === deploymentId).map((a) => a.person_id));
      const commitmentsOf = new Map<string, { title: string; start: string; end: string }[]>();
      for (const a of occupying) {
        const list = commitmentsOf.get(a.person_id) ?? [];
        list.push({ title: a.deployment_title, start: a.start_on, end: a.end_on });
        commitmentsOf.set(a.person_id, list);
      }
      const needs = {
        hostCountry: deployment.host_country,
        requiredLanguages: extras.languages.map((l) => ({ language: l.language, minSpeaking: l.min_speaking })),
        specialties: extras.specialties.map((s) => s.specialty),
        isHighThreat: deployment.is_high_threat === 1,
        track: deployment.track,
        period,
        locale: readerLocale(ctx),
      };
      // The database ranks by a bound of the score and keeps the hard filters; only the few that may rank are scored here.
      const ranking = { ...needs, languages: needs.requiredLanguages, readiness: periodReadinessBounds(period), weights: WEIGHTS };
      const hard = { notOfOrganization: deployment.host_organization_id, notIds: [...assignedHere], isReady: options.isReady === true };
      return bestCandidates(
        {
          best: (limit) => people.candidatesByBound(ctx, narrow, ranking, hard, { limit }),
          atLeast: (key) => people.candidatesByBound(ctx, narrow, ranking, hard, { atLeast: key }),
          score: async (contenders) => {
            const profiles = await people.candidateProfiles(contenders.map((c) => c.id));
            const inTrack = new Set(contenders.filter((c) => c.isInTrack).map((c) => c.id));
            return profiles.map((profile) => {
              const candidate = scoreCandidate(profile, needs, commitmentsOf.get(profile.id) ?? [], inTrack.has(profile.id));
              return options.isReady && !candidate.isReady ? null : candidate;
            });
          },
        },
        options.limit,
      );
    },
  };
}

export type AssignmentsService = ReturnType<typeof createAssignmentsService>;
