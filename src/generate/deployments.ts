import type { AssignmentRole, AssignmentStatus, DeploymentStatus, Purpose, Track } from '../platform/db/enums.js';
import { writersFor } from './bulk.js';
import type { Organizations } from './organizations.js';
import type { People } from './people.js';
import { type GenerationContext, instantOf, languageOf, plusDays, SPECIALTIES } from './reference.js';

const PURPOSES: Purpose[] = ['mentor', 'train', 'advise'];
const ROLES: AssignmentRole[] = ['mentor', 'trainer', 'advisor'];

/** A stride through 0..n-1 that visits everyone once: a prime that does not divide n. */
function strideFor(n: number): number {
  for (const p of [7919, 7907, 104_729, 3]) if (n % p !== 0 && p < n) return p;
  return 1;
}

/**
 * Deployments over the program's years, each with one rotation and its officers: nobody is in two
 * assignments (a walk that visits each person once), so no assignment overlaps another of the
 * same person; the status follows the dates (returned, deployed, or still being staffed).
 */
export async function generateDeployments(ctx: GenerationContext, orgs: Organizations, people: People): Promise<number> {
  const { db, engine, rnd, id, sizes } = ctx;
  const w = writersFor(db, engine, 'deployments', sizes.deployments * 12, ctx.progress);
  const deployments = w.writer('deployments', ['id', 'title', 'host_country', 'host_organization_id', 'track', 'status', 'start_on', 'end_on', 'is_high_threat', 'summary', 'created_at', 'updated_at']);
  const purposes = w.writer('deployment_purposes', ['deployment_id', 'purpose']);
  const languages = w.writer('deployment_languages', ['deployment_id', 'language', 'min_speaking']);
  const specialties = w.writer('deployment_specialties', ['deployment_id', 'specialty']);
  const changes = w.writer('deployment_status_changes', ['id', 'deployment_id', 'from_status', 'to_status', 'changed_at', 'changed_by', 'note']);
  const rotations = w.writer('rotations', ['id', 'deployment_id', 'sequence', 'start_on', 'end_on', 'authorized_headcount', 'created_at', 'updated_at']);
  const assignments = w.writer('assignments', ['id', 'deployment_id', 'rotation_id', 'person_id', 'role', 'status', 'start_on', 'end_on', 'deployed_on', 'returned_on', 'withdrawn_reason', 'nominated_by', 'created_at', 'updated_at']);
  const events = w.writer('assignment_events', ['id', 'assignment_id', 'kind', 'from_status', 'to_status', 'from_end_on', 'to_end_on', 'note', 'recorded_at', 'recorded_by']);

  const n = people.ids.length;
  const stride = strideFor(n);
  let walk = rnd.int(0, n - 1);
  let walked = 0;
  const foreign = orgs.partners.filter((p) => p.country !== 'US');
  const lastYear = ctx.firstYear + sizes.years - 1;
  for (let i = 0; i < sizes.deployments; i++) {
    const host = rnd.pick(foreign.length > 0 ? foreign : orgs.partners);
    const track: Track = rnd.chance(0.7) ? 'policing' : 'corrections';
    const startOn = rnd.day(rnd.int(ctx.firstYear, lastYear + 1));
    const endOn = plusDays(startOn, rnd.int(180, 365));
    const status: DeploymentStatus = rnd.chance(0.03) ? 'cancelled' : endOn < ctx.today ? 'completed' : startOn <= ctx.today ? 'in_country' : rnd.pick(['planning', 'staffing', 'predeployment'] as const);
    const deploymentId = id();
    const created = instantOf(plusDays(startOn, -120));
    await deployments.add([deploymentId, `${track === 'policing' ? 'Police' : 'Corrections'} mission ${host.country} ${startOn.slice(0, 4)}-${i + 1}`, host.country, host.id, track, status, startOn, endOn, rnd.chance(0.1) ? 1 : 0, null, created, created]);
    for (const purpose of rnd.chance(0.3) ? PURPOSES.slice(0, 2) : [rnd.pick(PURPOSES)]) await purposes.add([deploymentId, purpose]);
    await languages.add([deploymentId, languageOf(host.country), rnd.pick([4, 6, 8])]);
    if (rnd.chance(0.4)) await specialties.add([deploymentId, rnd.pick(SPECIALTIES)]);
    await changes.add([id(), deploymentId, null, status, created, null, null]);

    const headcount = rnd.int(2, 8);
    const rotationId = id();
    await rotations.add([rotationId, deploymentId, 1, startOn, endOn, headcount, created, created]);
    if (status === 'cancelled' || status === 'planning') continue;
    const assigned: AssignmentStatus = status === 'completed' ? 'returned' : status === 'in_country' ? 'deployed' : status === 'predeployment' ? 'ready' : rnd.pick(['nominated', 'selected'] as const);
    for (let k = 0, m = rnd.int(1, headcount); k < m && walked < n; k++, walked++) {
      walk = (walk + stride) % n;
      const assignmentId = id();
      const deployed = assigned === 'returned' || assigned === 'deployed';
      await assignments.add([assignmentId, deploymentId, rotationId, people.ids[walk] as string, k === 0 ? 'team_lead' : rnd.pick(ROLES), assigned, startOn, endOn, deployed ? startOn : null, assigned === 'returned' ? endOn : null, null, null, created, created]);
      await events.add([id(), assignmentId, 'status', null, assigned, null, null, null, created, null]);
    }
    w.tick();
  }
  await w.finish();
  return deployments.written;
}
