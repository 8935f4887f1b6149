import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';

/**
 * The program's figures recomputed the plain way, from every row of every table involved read
 * with SELECT *, in loops anyone can check against the design: deliberately none of the
 * services' SQL, filters or helpers, so a figure and its recomputation agree only if both follow
 * the rules. Dates are ISO strings, compared as strings.
 */

type Rows<T extends keyof DB> = Selectable<DB[T]>[];

export interface Tables {
  organizations: Rows<'organizations'>;
  people: Rows<'people'>;
  partnerships: Rows<'partnerships'>;
  partnership_tracks: Rows<'partnership_tracks'>;
  partnership_countries: Rows<'partnership_countries'>;
  partnership_stage_changes: Rows<'partnership_stage_changes'>;
  engagements: Rows<'engagements'>;
  tasks: Rows<'tasks'>;
  courses: Rows<'courses'>;
  offerings: Rows<'offerings'>;
  offering_instructors: Rows<'offering_instructors'>;
  enrollments: Rows<'enrollments'>;
  certifications: Rows<'certifications'>;
  deployments: Rows<'deployments'>;
  assignments: Rows<'assignments'>;
}

const TABLES: (keyof Tables)[] = [
  'organizations',
  'people',
  'partnerships',
  'partnership_tracks',
  'partnership_countries',
  'partnership_stage_changes',
  'engagements',
  'tasks',
  'courses',
  'offerings',
  'offering_instructors',
  'enrollments',
  'certifications',
  'deployments',
  'assignments',
];

export async function readTables(db: Kysely<DB>): Promise<Tables> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await db.selectFrom(table).selectAll().execute();
  return out as unknown as Tables;
}

export interface Filters {
  year: number;
  track?: string | undefined;
  country?: string | undefined;
  organizationId?: string | undefined;
}

/** Days from one ISO day to another, both counted. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

/** An index of the rows, with the derived facts every figure needs. */
export function indexOf(t: Tables) {
  const orgById = new Map(t.organizations.map((o) => [o.id, o]));
  const personById = new Map(t.people.map((p) => [p.id, p]));
  const courseById = new Map(t.courses.map((c) => [c.id, c]));
  const offeringById = new Map(t.offerings.map((o) => [o.id, o]));
  const deploymentById = new Map(t.deployments.map((d) => [d.id, d]));
  const orgOfPerson = (id: string) => personById.get(id)?.organization_id as string;
  const offices = t.organizations.filter((o) => o.kind === 'program_office').sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
  /** A partnership's stage at the end of a day: its last change on or before it. */
  const stageAt = (partnershipId: string, day: string): string | null => {
    let best: Rows<'partnership_stage_changes'>[number] | null = null;
    for (const c of t.partnership_stage_changes) {
      if (c.partnership_id !== partnershipId || c.changed_on > day) continue;
      if (!best || c.changed_on > best.changed_on || (c.changed_on === best.changed_on && c.recorded_at > best.recorded_at)) best = c;
    }
    return best ? best.to_stage : null;
  };
  const tracksOf = (partnershipId: string) => t.partnership_tracks.filter((x) => x.partnership_id === partnershipId).map((x) => x.track as string);
  const targetsOf = (partnershipId: string) => t.partnership_countries.filter((x) => x.partnership_id === partnershipId).map((x) => x.country);
  /** A partnership on the track and in the country (its organization's, or one it aims at). */
  const partnershipMatches = (p: Rows<'partnerships'>[number], f: { track?: string | undefined; country?: string | undefined }) =>
    (!f.track || tracksOf(p.id).includes(f.track)) && (!f.country || orgById.get(p.organization_id)?.country === f.country || targetsOf(p.id).includes(f.country));
  /** The organizations that are partners on the track and in the country; undefined with neither. */
  const partnerOrgs = (f: { track?: string | undefined; country?: string | undefined }) =>
    f.track || f.country ? new Set(t.partnerships.filter((p) => partnershipMatches(p, f)).map((p) => p.organization_id)) : undefined;
  /** Credentials granted by a course of instructor level or above. */
  const instructorCredentials = new Set(t.courses.filter((c) => (c.level === 'instructor' || c.level === 'master') && c.grants_credential_id).map((c) => c.grants_credential_id as string));
  const credentialTrack = new Map(t.courses.filter((c) => c.grants_credential_id).map((c) => [c.grants_credential_id as string, c.track as string]));
  /** Completed enrollments of offerings not cancelled: the enrollments that train. */
  const trainings = t.enrollments
    .filter((e) => e.status === 'completed' && offeringById.get(e.offering_id)?.status !== 'cancelled')
    .map((e) => {
      const o = offeringById.get(e.offering_id) as Rows<'offerings'>[number];
      return { person: e.person_id, offering: o, track: courseById.get(o.course_id)?.track as string };
    });
  return { t, orgById, personById, courseById, offeringById, deploymentById, orgOfPerson, office: offices[0], stageAt, tracksOf, targetsOf, partnershipMatches, partnerOrgs, instructorCredentials, credentialTrack, trainings };
}

export type Index = ReturnType<typeof indexOf>;

/** Days an assignment was deployed inside [from, to], never past today. */
export function plainPersonDays(a: Tables['assignments'][number], from: string, to: string, today: string): number {
  if ((a.status !== 'deployed' && a.status !== 'returned') || !a.deployed_on) return 0;
  const start = later(a.deployed_on, from);
  const end = earlier(earlier(a.returned_on ?? a.end_on, today), to);
  return end >= start ? daysBetween(start, end) : 0;
}

/** Certifications held on a day: issued by it, not expired before it, not revoked on or before it. */
export function heldOn(c: Tables['certifications'][number], day: string): boolean {
  return c.issued_on <= day && (c.expires_on === null || c.expires_on >= day) && (c.revoked_at === null || c.revoked_at.slice(0, 10) > day);
}

/** Distinct people trained in the year under the filters, by offering country and by sex. */
export function plainTrained(ix: Index, f: Filters) {
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  const all = new Set<string>();
  const byCountry = new Map<string, Map<string, string>>();
  for (const tr of ix.trainings) {
    if (tr.offering.end_on < from || tr.offering.end_on > to) continue;
    if (f.track && tr.track !== f.track) continue;
    if (f.country && tr.offering.country !== f.country) continue;
    if (f.organizationId && ix.orgOfPerson(tr.person) !== f.organizationId) continue;
    all.add(tr.person);
    const people = byCountry.get(tr.offering.country) ?? new Map<string, string>();
    people.set(tr.person, ix.personById.get(tr.person)?.sex ?? 'unrecorded');
    byCountry.set(tr.offering.country, people);
  }
  const rows = [...byCountry].map(([country, people]) => {
    const sexes = [...people.values()];
    const female = sexes.filter((s) => s === 'female').length;
    const male = sexes.filter((s) => s === 'male').length;
    return { country, total: people.size, female, male, unrecorded: people.size - female - male };
  });
  return { total: all.size, byCountry: rows };
}

/** Deployments running in the year, not cancelled, under the filters. */
export function plainDeployments(ix: Index, f: Filters) {
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  return ix.t.deployments.filter((d) => {
    if (d.end_on < from || d.start_on > to || d.status === 'cancelled') return false;
    if (f.track && d.track !== f.track) return false;
    if (f.country && d.host_country !== f.country) return false;
    if (f.organizationId) {
      const sent = ix.t.assignments.some((a) => a.deployment_id === d.id && a.status !== 'withdrawn' && ix.orgOfPerson(a.person_id) === f.organizationId);
      if (d.host_organization_id !== f.organizationId && !sent) return false;
    }
    return true;
  });
}

/** The dashboard's figures for a year and filters, as of today. */
export function plainDashboard(ix: Index, f: Filters, today: string) {
  const { t } = ix;
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  const yearEnd = earlier(to, today);
  const partnerOrgs = ix.partnerOrgs(f);

  const byKind = new Map<string, Record<string, number>>();
  let partners = 0;
  for (const p of t.partnerships) {
    const stage = ix.stageAt(p.id, yearEnd);
    if (stage === null || !ix.partnershipMatches(p, f)) continue;
    if (f.organizationId && p.organization_id !== f.organizationId) continue;
    const kind = ix.orgById.get(p.organization_id)?.kind as string;
    const stages = byKind.get(kind) ?? {};
    stages[stage] = (stages[stage] ?? 0) + 1;
    byKind.set(kind, stages);
    partners += 1;
  }

  const engagements = t.engagements.filter(
    (e) => e.occurred_on >= from && e.occurred_on <= to && e.withdrawn_at === null && (!f.organizationId || e.organization_id === f.organizationId) && (!partnerOrgs || partnerOrgs.has(e.organization_id)),
  ).length;
  const overdue = t.tasks.filter(
    (x) =>
      x.status === 'open' &&
      x.due_on < today &&
      x.due_on >= from &&
      x.due_on <= to &&
      (!f.organizationId || x.organization_id === f.organizationId) &&
      (!partnerOrgs || (x.organization_id !== null && partnerOrgs.has(x.organization_id))),
  ).length;

  const deployments = plainDeployments(ix, f);
  const deploymentsByCountry = new Map<string, number>();
  for (const d of deployments) deploymentsByCountry.set(d.host_country, (deploymentsByCountry.get(d.host_country) ?? 0) + 1);
  let personDays = 0;
  for (const a of t.assignments) {
    const d = ix.deploymentById.get(a.deployment_id);
    if (!d || d.status === 'cancelled') continue;
    if (f.track && d.track !== f.track) continue;
    if (f.country && d.host_country !== f.country) continue;
    if (f.organizationId && ix.orgOfPerson(a.person_id) !== f.organizationId) continue;
    personDays += plainPersonDays(a, from, to, today);
  }

  const soon = plusDays(yearEnd, 90);
  const instructorCerts = t.certifications.filter((c) => {
    if (!ix.instructorCredentials.has(c.credential_id) || !heldOn(c, yearEnd)) return false;
    const org = ix.orgById.get(ix.orgOfPerson(c.person_id));
    if (f.track && ix.credentialTrack.get(c.credential_id) !== f.track) return false;
    if (f.country && org?.country !== f.country) return false;
    return !f.organizationId || org?.id === f.organizationId;
  });

  const trained = plainTrained(ix, f);
  const assisted = new Set([...deploymentsByCountry.keys(), ...trained.byCountry.map((r) => r.country)].filter((c) => c !== 'US'));
  return {
    partners: { total: partners, byKind: Object.fromEntries(byKind) },
    engagements,
    overdueFollowUps: overdue,
    deployments: { count: deployments.length, inCountryNow: deployments.filter((d) => d.status === 'in_country').length, personDays },
    instructors: { active: instructorCerts.length, expiringWithin90Days: instructorCerts.filter((c) => c.expires_on !== null && c.expires_on <= soon).length },
    trained: { total: trained.total, byCountry: Object.fromEntries(trained.byCountry.map((r) => [r.country, r])) },
    countriesAssisted: Object.fromEntries(
      [...assisted].map((country) => [country, { deployments: deploymentsByCountry.get(country) ?? 0, peopleTrained: trained.byCountry.find((r) => r.country === country)?.total ?? 0 }]),
    ),
  };
}
