import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import type { AssignmentRowWithNames, DeploymentExtras, DeploymentRowWithHost } from './deployments.repository.js';
import type { Blocker } from './readiness-check.js';
import { DEPLOYMENT_TRANSITIONS } from './deployments.rules.js';
import { type Assignment, type AssignmentAction, type AssignmentStatus, type Deployment, type DeploymentAction, PURPOSES } from './deployments.schemas.js';
import { personDaysOf } from './person-days.js';
import { ilrFromNumber } from '../people/people.schemas.js';

/** A deployment as the API shows it, with what the caller may do to it (none in an audit event). */
export function toDeployment(row: DeploymentRowWithHost, extras: DeploymentExtras, today: string, allowedActions: DeploymentAction[] = []): Deployment {
  const mine = <T extends { deployment_id: string }>(list: T[]) => list.filter((item) => item.deployment_id === row.id);
  return {
    id: row.id,
    title: row.title,
    hostCountry: row.host_country,
    hostOrganization: row.host_organization_id ? { id: row.host_organization_id, name: row.host_organization_name ?? '' } : null,
    track: row.track,
    purposes: PURPOSES.filter((purpose) => mine(extras.purposes).some((p) => p.purpose === purpose)),
    status: row.status,
    startOn: row.start_on,
    endOn: row.end_on,
    requiredLanguages: mine(extras.languages).map((l) => ({ language: l.language, minSpeaking: ilrFromNumber(l.min_speaking) })),
    specialties: mine(extras.specialties).map((s) => s.specialty),
    isHighThreat: row.is_high_threat === 1,
    summary: row.summary,
    rotations: mine(extras.rotations).map((r) => ({
      id: r.id,
      sequence: r.sequence,
      startOn: r.start_on,
      endOn: r.end_on,
      authorizedHeadcount: r.authorized_headcount,
      selectedCount: Number(r.selected_count ?? 0),
      deployedCount: Number(r.deployed_count ?? 0),
      version: r.version,
    })),
    personDays: mine(extras.deployed).reduce((sum, a) => sum + personDaysOf(a, today), 0),
    allowedStatuses: [...DEPLOYMENT_TRANSITIONS[row.status]],
    allowedActions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toAssignment(
  row: AssignmentRowWithNames,
  today: string,
  extra: { blockers?: Blocker[] | undefined; allowedActions?: AssignmentAction[]; locale?: Locale } = {},
): Assignment {
  return {
    id: row.id,
    deploymentId: row.deployment_id,
    deploymentTitle: row.deployment_title,
    rotationId: row.rotation_id,
    rotationSequence: row.rotation_sequence,
    person: {
      id: row.person_id,
      name: `${row.given_name} ${row.family_name}`,
      organizationId: row.person_organization_id,
      organizationName: row.person_organization_name,
    },
    role: row.role,
    status: row.status,
    startOn: row.start_on,
    endOn: row.end_on,
    deployedOn: row.deployed_on,
    returnedOn: row.returned_on,
    withdrawnReason: row.withdrawn_reason,
    personDays: personDaysOf(row, today),
    ...(extra.blockers && { blockers: extra.blockers.map((b) => ({ rule: b.rule, detail: b.detail.in(extra.locale ?? DEFAULT_LOCALE) })) }),
    allowedStatuses: (extra.allowedActions ?? []).filter((action): action is AssignmentStatus => action !== 'extend'),
    allowedActions: extra.allowedActions ?? [],
    version: row.version,
  };
}
