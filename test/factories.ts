import type { Services } from '../src/modules/index.js';
import type { RequestContext } from '../src/platform/access.js';
import type { CreateOrganizationInput, Organization } from '../src/modules/organizations/organizations.schemas.js';
import type { CreatePartnershipInput, PartnershipDetail } from '../src/modules/partnerships/partnerships.schemas.js';
import type { CreateEngagementInput, EngagementDetail } from '../src/modules/engagements/engagements.schemas.js';
import type { CreatePersonInput, PersonDetail } from '../src/modules/people/people.schemas.js';

let sequence = 0;
const next = () => {
  sequence += 1;
  return `${sequence}-${Math.random().toString(36).slice(2, 8)}`;
};

/** A fresh organization of its own by default, so a forgotten scope shows up as a cross-agency leak. */
export function buildOrganization(services: Services, ctx: RequestContext, overrides: Partial<CreateOrganizationInput> = {}): Promise<Organization> {
  return services.organizations.create(ctx, {
    name: `Test Police Department ${next()}`,
    kind: 'municipal_police',
    country: 'US',
    ...overrides,
  });
}

export async function buildPartnership(
  services: Services,
  ctx: RequestContext,
  overrides: Partial<CreatePartnershipInput> = {},
): Promise<PartnershipDetail> {
  const organizationId = overrides.organizationId ?? (await buildOrganization(services, ctx)).id;
  return services.partnerships.create(ctx, {
    stage: 'prospect',
    tracks: ['policing'],
    targetCountries: [],
    ...overrides,
    organizationId,
  });
}

export async function buildEngagement(
  services: Services,
  ctx: RequestContext,
  overrides: Partial<CreateEngagementInput> = {},
): Promise<EngagementDetail> {
  const organizationId = overrides.organizationId ?? (await buildOrganization(services, ctx)).id;
  return services.engagements.create(ctx, {
    kind: 'meeting',
    occurredOn: '2026-11-01',
    title: `Meeting ${next()}`,
    participants: [],
    followUps: [],
    ...overrides,
    organizationId,
  });
}

/** A person on a fresh agency's roster unless told otherwise. */
export async function buildPerson(services: Services, ctx: RequestContext, overrides: Partial<CreatePersonInput> = {}): Promise<PersonDetail> {
  const organizationId = overrides.organizationId ?? (await buildOrganization(services, ctx)).id;
  const id = next();
  return services.people.create(ctx, {
    givenName: `Testy${id.replace(/[^a-z0-9]/gi, '')}`,
    familyName: 'Officer',
    status: 'active',
    languages: [],
    heritageCountries: [],
    specialties: [],
    ...overrides,
    organizationId,
  });
}

/** A corrections instructor credential and the instructor course that grants it. */
export async function buildInstructorCourse(
  services: Services,
  ctx: RequestContext,
  overrides: { passMark?: number | null; minAttendancePercent?: number; validityMonths?: number | null; coTeachingsBeforeLead?: number; requiresCredentialId?: string | null } = {},
) {
  const id = next();
  const credential = await services.catalog.createCredential(ctx, {
    name: `Certified Test Instructor ${id}`,
    criteria: 'Attend the course and pass the final assessment.',
    track: 'corrections',
    validityMonths: overrides.validityMonths === undefined ? 24 : overrides.validityMonths,
    passMark: overrides.passMark === undefined ? 70 : overrides.passMark,
    minAttendancePercent: overrides.minAttendancePercent ?? 90,
    coTeachingsBeforeLead: overrides.coTeachingsBeforeLead ?? 0,
  });
  const course = await services.catalog.createCourse(ctx, {
    code: `TOT-${id.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 12)}`,
    track: 'corrections',
    level: 'instructor',
    language: 'en',
    title: 'Corrections instructor development',
    hours: 40,
    grantsCredentialId: credential.id,
    requiresCredentialId: overrides.requiresCredentialId ?? null,
  });
  return { credential, course };
}
