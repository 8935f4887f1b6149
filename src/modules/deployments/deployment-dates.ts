import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { invalid, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assignmentsRepository, deploymentsRepository } from './deployments.repository.js';
import { deploymentsText } from './deployments.messages.js';
import { HOLDS_PLACE, planSpanChange, refuseAssignmentsOutside, spanProblems, type SpannedAssignment } from './deployments.rules.js';

/** What a deployment's edit may change of its dates and places. */
export interface DatesChange {
  startOn?: string | undefined;
  endOn?: string | undefined;
  authorizedHeadcount?: number | undefined;
}

type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignmentsRepository>['forDeployment']>>[number];

export function spanned(a: AssignmentRow): SpannedAssignment {
  return {
    id: a.id,
    personName: `${a.given_name} ${a.family_name}`,
    status: a.status,
    startOn: a.start_on,
    endOn: a.end_on,
    deployedOn: a.deployed_on,
    returnedOn: a.returned_on,
  };
}

/**
 * Moves a deployment's dates (its first rotation's start, its last one's end, and the assignments
 * on the planned dates with them) and its places when it has one rotation; inside the caller's
 * transaction, which holds the deployment's lock. Returns the assignments moved, for the audit.
 */
export async function changeDeploymentDates(
  trx: Kysely<DB>,
  at: { now: string; actorId: string | null },
  current: { id: string; start_on: string; end_on: string },
  change: DatesChange,
): Promise<{ personName: string; from: string; to: string }[]> {
  const repo = deploymentsRepository(trx);
  const assignments = assignmentsRepository(trx);
  const rotations = (await repo.extras([current.id])).rotations;
  if (change.authorizedHeadcount !== undefined) {
    const [only, ...others] = rotations;
    if (!only || others.length > 0) {
      throw invalid(deploymentsText('deployment.severalRotations'), [{ pointer: '/body/authorizedHeadcount', detail: deploymentsText('field.oneRotationOnly', { count: rotations.length }) }]);
    }
    await repo.lockRotation(only.id);
    const taken = await assignments.countInRotation(only.id, HOLDS_PLACE);
    if (change.authorizedHeadcount < taken) {
      throw ruleBroken('rotation.headcount_below_selected', deploymentsText('deployment.headcountBelowSelected', { count: taken }));
    }
  }
  const to = { startOn: change.startOn ?? current.start_on, endOn: change.endOn ?? current.end_on };
  const isMoving = to.startOn !== current.start_on || to.endOn !== current.end_on;
  const problems = spanProblems(to);
  if (problems.length > 0) throw invalid(deploymentsText('deployment.spanInvalid'), problems.map((p) => ({ pointer: `/body/${p.field}`, detail: p.message })));
  const rows = isMoving ? await assignments.forDeployment(current.id) : [];
  const plan = isMoving
    ? planSpanChange(
        { startOn: current.start_on, endOn: current.end_on },
        to,
        rotations.map((r) => ({ id: r.id, sequence: r.sequence, startOn: r.start_on, endOn: r.end_on })),
        rows.map(spanned),
      )
    : { rotations: [], moved: [] };
  for (const r of rotations) {
    const moved = plan.rotations.find((p) => p.id === r.id);
    const dates = moved && (moved.toStartOn !== r.start_on || moved.toEndOn !== r.end_on) ? { start_on: moved.toStartOn, end_on: moved.toEndOn } : null;
    const places = change.authorizedHeadcount !== undefined ? { authorized_headcount: change.authorizedHeadcount } : null;
    if (!dates && !places) continue;
    if (!(await repo.updateRotation(r.id, r.version, { ...dates, ...places, updated_at: at.now }))) throw staleVersion('rotationOfDeployment', r.version);
  }
  const versions = new Map(rows.map((a) => [a.id, a.version]));
  for (const a of plan.moved) {
    const version = versions.get(a.id) as number;
    if (!(await assignments.update(a.id, version, { start_on: a.toStartOn, end_on: a.toEndOn, updated_at: at.now }))) throw staleVersion('assignmentOfDeployment', version);
    await assignments.insertEvent({
      id: newId(),
      assignment_id: a.id,
      kind: 'extension',
      from_status: null,
      to_status: null,
      from_end_on: a.endOn,
      to_end_on: a.toEndOn,
      note: 'the deployment’s dates changed',
      recorded_at: at.now,
      recorded_by: at.actorId,
    });
  }
  if (isMoving) await repo.refreshSpan(current.id);
  return plan.moved.map((a) => ({ personName: a.personName, from: `${a.startOn} to ${a.endOn}`, to: `${a.toStartOn} to ${a.toEndOn}` }));
}

/** A rotation's new dates leave every open assignment of the deployment inside its new span. */
export async function checkRotationChange(trx: Kysely<DB>, deploymentId: string, rotationId: string, dates: { startOn: string; endOn: string }): Promise<void> {
  const rotations = (await deploymentsRepository(trx).extras([deploymentId])).rotations.map((r) => (r.id === rotationId ? { start_on: dates.startOn, end_on: dates.endOn } : r));
  const span = {
    startOn: rotations.reduce((min, r) => (r.start_on < min ? r.start_on : min), dates.startOn),
    endOn: rotations.reduce((max, r) => (r.end_on > max ? r.end_on : max), dates.endOn),
  };
  refuseAssignmentsOutside(span, (await assignmentsRepository(trx).forDeployment(deploymentId)).map(spanned));
}

/** An assignment extended past its deployment's end takes the deployment's last rotation with it. */
export async function extendDeploymentTo(trx: Kysely<DB>, deploymentId: string, endOn: string, now: string): Promise<void> {
  const repo = deploymentsRepository(trx);
  const last = await repo.lastRotation(deploymentId);
  if (!last || last.end_on >= endOn) return;
  if (!(await repo.updateRotation(last.id, last.version, { end_on: endOn, updated_at: now }))) throw staleVersion('lastRotation', last.version);
  await repo.refreshSpan(deploymentId);
}
