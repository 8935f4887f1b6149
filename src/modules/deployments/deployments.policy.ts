import { definePolicy, grant, READERS, STAFF } from '../../platform/policy.js';
import { isOpenForStaffing } from './deployments.rules.js';
import type { AssignmentStatus, DeploymentStatus } from './deployments.schemas.js';

/** Whom a deployment belongs to: the agencies and people in it, and every agency while it is being staffed. */
export interface DeploymentAccess {
  readonly status: DeploymentStatus;
  readonly organizationIds: readonly string[];
  readonly personIds: readonly string[];
}

/**
 * Staff and viewers see every deployment. A coordinator sees those open for nominations and
 * those their agency's people are in; an instructor sees the deployments they are in. Only the
 * program office plans and staffs them; a coordinator nominates their own agency's people.
 */
export const deploymentsPolicy = definePolicy({
  holders: (deployment: DeploymentAccess) => ({
    organizationIds: deployment.organizationIds,
    personIds: deployment.personIds,
    isOpenToAgencies: isOpenForStaffing(deployment.status),
  }),
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization', instructor: 'person' },
    create: grant(STAFF, 'all'),
    update: grant(STAFF, 'all'),
    changeStatus: grant(STAFF, 'all'),
    addRotation: grant(STAFF, 'all'),
    updateRotation: grant(STAFF, 'all'),
    /** Nominating, and ranking the candidates to nominate from. */
    nominate: { ...grant(STAFF, 'all'), coordinator: 'organization' },
  },
});

/** Whom an assignment belongs to: the person in it and their agency. */
export interface AssignmentAccess {
  readonly status: AssignmentStatus;
  readonly person_id: string;
  readonly person_organization_id: string;
}

const isOwnNomination = (assignment: AssignmentAccess) => assignment.status === 'nominated' || assignment.status === 'selected';

/**
 * A coordinator sees their own people's assignments, an instructor their own. Moving an
 * assignment (its target status is the action) and extending it are the program office's; a
 * coordinator may withdraw their own nomination. Readiness blockers are personal: staff see
 * them, and a coordinator for their own people.
 */
export const assignmentsPolicy = definePolicy({
  holders: (assignment: AssignmentAccess) => ({ organizationIds: [assignment.person_organization_id], personIds: [assignment.person_id] }),
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization', instructor: 'person' },
    readBlockers: { ...grant(STAFF, 'all'), coordinator: 'organization' },
    /** Person-days summed over assignments: a figure for the office, viewers and an agency's own. */
    readPersonDays: { ...grant(READERS, 'all'), coordinator: 'organization' },
    nominated: grant(STAFF, 'all'),
    selected: grant(STAFF, 'all'),
    ready: grant(STAFF, 'all'),
    deployed: grant(STAFF, 'all'),
    returned: grant(STAFF, 'all'),
    withdrawn: { ...grant(STAFF, 'all'), coordinator: { reach: 'organization', when: isOwnNomination } },
    extend: grant(STAFF, 'all'),
  },
});
