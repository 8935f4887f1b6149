import type { Actor } from '../platform/access.js';
import { nameResources, type Policy } from '../platform/policy.js';
import { usersPolicy } from './accounts/accounts.policy.js';
import { auditPolicy } from './audit/audit.policy.js';
import { endorsementsPolicy, issuerProfilesPolicy } from './badges/badges.policy.js';
import { cascadePolicy } from './cascade/cascade.policy.js';
import { assignmentsPolicy, deploymentsPolicy } from './deployments/deployments.policy.js';
import { engagementsPolicy, tasksPolicy } from './engagements/engagements.policy.js';
import { importsPolicy } from './imports/imports.policy.js';
import { organizationsPolicy } from './organizations/organizations.policy.js';
import { agreementsPolicy, partnershipsPolicy } from './partnerships/partnerships.policy.js';
import { peoplePolicy } from './people/people.policy.js';
import { reportRunsPolicy, reportsPolicy } from './reports/reports.policy.js';
import { certificationsPolicy, coursesPolicy, credentialsPolicy, enrollmentsPolicy, offeringsPolicy, transcriptsPolicy } from './training/training.policy.js';
import { vettingPolicy } from './vetting/vetting.policy.js';

/**
 * Every module's policy by the resource it guards. The web learns from it, once per sign-in,
 * which areas a user works in and which "New" buttons to offer; each record then carries its own
 * `allowedActions`. A new module's policy is added here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const POLICIES: Record<string, Policy<any, string>> = {
  organizations: organizationsPolicy,
  // Partner relationships, accounts, audit, imports and reports:
  agreements: agreementsPolicy,
  audit: auditPolicy,
  engagements: engagementsPolicy,
  imports: importsPolicy,
  partnerships: partnershipsPolicy,
  reportRuns: reportRunsPolicy,
  reports: reportsPolicy,
  tasks: tasksPolicy,
  users: usersPolicy,
  // People, deployments, training and certificates:
  people: peoplePolicy,
  deployments: deploymentsPolicy,
  assignments: assignmentsPolicy,
  credentials: credentialsPolicy,
  courses: coursesPolicy,
  offerings: offeringsPolicy,
  enrollments: enrollmentsPolicy,
  certifications: certificationsPolicy,
  transcripts: transcriptsPolicy,
  vetting: vettingPolicy,
  cascade: cascadePolicy,
  endorsements: endorsementsPolicy,
  issuers: issuerProfilesPolicy,
};

nameResources(POLICIES);

/** The resources of the access policy: the areas an API token may be limited to. */
export const RESOURCES = Object.keys(POLICIES) as readonly string[];

/** For each resource, the actions the actor's role is granted at all. */
export function capabilitiesOf(actor: Actor): Record<string, string[]> {
  return Object.fromEntries(Object.entries(POLICIES).map(([resource, policy]) => [resource, policy.granted(actor)]));
}
