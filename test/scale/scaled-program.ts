import type { Insertable, Kysely } from 'kysely';
import { random } from '../../bench/data.js';
import { addDays } from '../../src/platform/dates.js';
import type { OrganizationKind, Stage, Track } from '../../src/platform/db/enums.js';
import type { DB } from '../../src/platform/db/schema.js';
import { refreshDerivedTables } from '../../src/generate/derived.js';
import { newId } from '../../src/platform/ids.js';
import { searchKey } from '../../src/platform/text.js';

/**
 * A seeded program of a chosen size written straight into the tables, for the figures-at-scale
 * tests: partners with stage histories over several years, meetings (some withdrawn) and
 * follow-ups, deployments (some cancelled, some still in country past the test's today), and
 * offerings in order of time whose instructors are drawn from everyone certified so far, so the
 * cascade runs several generations deep, with cycles (an instructor retrained downstream),
 * self-enrolment, co-instructors, cancelled and unfunded offerings. The tests read it only through
 * the API and compare with their own recomputation; nothing here is trusted to be consistent.
 */

type Row<T extends keyof DB> = Insertable<DB[T]>;

export type Scale = 'small' | 'medium';

const SIZES: Record<Scale, { partners: number; people: number; offerings: number; deployments: number; engagements: number }> = {
  small: { partners: 16, people: 12, offerings: 70, deployments: 18, engagements: 50 },
  medium: { partners: 90, people: 25, offerings: 520, deployments: 110, engagements: 360 },
};

/** The test app's today is 2026-11-28: the last year is the one under way. */
export const SCALE_YEARS = [2022, 2023, 2024, 2025, 2026] as const;
export const SCALE_COUNTRIES = ['US', 'HT', 'SV', 'BR', 'GT', 'CO'] as const;
const TRACKS: Track[] = ['policing', 'corrections'];
const KINDS: OrganizationKind[] = ['municipal_police', 'state_corrections', 'foreign_police', 'foreign_corrections', 'federal_agency', 'academy', 'ministry'];
const PATHS: Stage[][] = [['prospect'], ['prospect', 'engaged'], ['engaged', 'agreement', 'active'], ['active'], ['active', 'paused'], ['agreement', 'active', 'closed']];
const LAST_DAY = '2026-11-20';

export interface ScaledProgram {
  officeId: string;
  partners: { id: string; country: string }[];
  /** Partner people who taught at least one offering, for the instructor views. */
  partnerInstructors: string[];
  staff: string[];
}

export async function generateScaledProgram(db: Kysely<DB>, scale: Scale, seed: number): Promise<ScaledProgram> {
  const size = SIZES[scale];
  const rnd = random(seed);
  const stamp = { created_at: '2021-12-31T12:00:00.000Z', updated_at: '2021-12-31T12:00:00.000Z' };
  const rows = {
    organizations: [] as Row<'organizations'>[],
    partnerships: [] as Row<'partnerships'>[],
    partnership_tracks: [] as Row<'partnership_tracks'>[],
    partnership_countries: [] as Row<'partnership_countries'>[],
    partnership_stage_changes: [] as Row<'partnership_stage_changes'>[],
    people: [] as Row<'people'>[],
    engagements: [] as Row<'engagements'>[],
    tasks: [] as Row<'tasks'>[],
    credentials: [] as Row<'credentials'>[],
    courses: [] as Row<'courses'>[],
    course_versions: [] as Row<'course_versions'>[],
    offerings: [] as Row<'offerings'>[],
    offering_instructors: [] as Row<'offering_instructors'>[],
    enrollments: [] as Row<'enrollments'>[],
    certifications: [] as Row<'certifications'>[],
    deployments: [] as Row<'deployments'>[],
    deployment_purposes: [] as Row<'deployment_purposes'>[],
    rotations: [] as Row<'rotations'>[],
    assignments: [] as Row<'assignments'>[],
  };
  const day = () => {
    const d = rnd.day(rnd.pick(SCALE_YEARS));
    return d > LAST_DAY ? LAST_DAY : d;
  };
  const organization = (name: string, kind: OrganizationKind, country: string) => {
    const id = newId();
    rows.organizations.push({ id, name, search_name: searchKey(name), acronym: null, kind, country, city: null, ...stamp });
    return id;
  };
  let personNumber = 0;
  const person = (organizationId: string) => {
    personNumber += 1;
    const id = newId();
    const [given, family] = [rnd.pick(['Ana', 'Jean', 'Luis', 'Marie', 'Sam']), `Scale-${seed}-${personNumber}`];
    rows.people.push({ id, organization_id: organizationId, given_name: given, family_name: family, search_name: searchKey(`${given} ${family}`), sort_name: searchKey(`${family} ${given}`), sex: rnd.pick(['female', 'male', null]), status: 'active', ...stamp });
    return id;
  };

  const office = organization(`Program office ${seed}`, 'program_office', 'US');
  const staff = [person(office), person(office), person(office)];
  const partners: { id: string; country: string; people: string[] }[] = [];
  for (let i = 0; i < size.partners; i += 1) {
    const country = rnd.pick(SCALE_COUNTRIES);
    const id = organization(`Partner ${seed}-${i}`, rnd.pick(KINDS), country);
    partners.push({ id, country, people: Array.from({ length: size.people }, () => person(id)) });
    if (rnd.next() < 0.15) continue; // an organization with no partnership at all
    const partnershipId = newId();
    const path = rnd.pick(PATHS);
    const days = path.map(() => day()).sort();
    rows.partnerships.push({ id: partnershipId, organization_id: id, stage: path.at(-1) as Stage, stage_changed_on: days.at(-1) as string, summary: null, ...stamp });
    for (const track of rnd.next() < 0.3 ? TRACKS : [rnd.pick(TRACKS)]) rows.partnership_tracks.push({ partnership_id: partnershipId, track });
    for (const target of new Set([rnd.pick(SCALE_COUNTRIES), rnd.pick(SCALE_COUNTRIES)])) rows.partnership_countries.push({ partnership_id: partnershipId, country: target });
    path.forEach((stage, k) =>
      rows.partnership_stage_changes.push({ id: newId(), partnership_id: partnershipId, from_stage: k === 0 ? null : (path[k - 1] as Stage), to_stage: stage, changed_on: days[k] as string, note: null, recorded_at: `${days[k]}T15:00:00.000Z` }),
    );
  }
  const everyone = partners.flatMap((p) => p.people);

  for (let i = 0; i < size.engagements; i += 1) {
    const partner = rnd.pick(partners);
    const id = newId();
    const occurredOn = day();
    const withdrawn = rnd.next() < 0.08;
    rows.engagements.push({
      id,
      organization_id: partner.id,
      kind: 'meeting',
      occurred_on: occurredOn,
      title: `Meeting ${i}`,
      location: null,
      summary: null,
      outcome: null,
      created_by: null,
      withdrawn_at: withdrawn ? `${occurredOn}T18:00:00.000Z` : null,
      withdrawn_reason: withdrawn ? 'Logged in error.' : null,
      ...stamp,
    });
    const dueOn = addDays(occurredOn, rnd.int(10, 200));
    const status = rnd.pick(['open', 'open', 'done', 'cancelled'] as const);
    rows.tasks.push({ id: newId(), engagement_id: rnd.next() < 0.7 ? id : null, organization_id: rnd.next() < 0.9 ? partner.id : null, title: `Follow-up ${i}`, notes: null, owner_id: null, due_on: dueOn, status, completed_at: status === 'done' ? `${dueOn}T12:00:00.000Z` : null, created_by: null, ...stamp });
  }

  // Per track a basic course and an instructor course granting a credential.
  const catalog = new Map<string, { course: string; version: string; credential: string | null }>();
  for (const track of TRACKS) {
    const credential = newId();
    rows.credentials.push({ id: credential, name: `Certified ${track} instructor ${seed}`, description: null, criteria: 'Pass.', track, validity_months: 24, pass_mark: 70, min_attendance_percent: 80, co_teachings_before_lead: 0, ...stamp });
    for (const level of ['basic', 'instructor'] as const) {
      const course = newId();
      const version = newId();
      rows.courses.push({ id: course, code: `${track.slice(0, 3)}-${level}-${seed}`.toUpperCase(), track, level, language: 'en', grants_credential_id: level === 'instructor' ? credential : null, requires_credential_id: null, current_version: 1, ...stamp });
      rows.course_versions.push({ id: version, course_id: course, number: 1, title: `${track} ${level}`, hours: 40, description: null, created_at: stamp.created_at });
      catalog.set(`${track}/${level}`, { course, version, credential: level === 'instructor' ? credential : null });
    }
  }
  // Offerings in order of time: who completed an instructor course may teach the later ones.
  const starts = Array.from({ length: size.offerings }, () => day()).sort();
  const teachers = new Set<string>(staff);
  const partnerInstructors = new Set<string>();
  for (const startOn of starts) {
    const track = rnd.pick(TRACKS);
    const level = rnd.next() < 0.35 ? 'instructor' : 'basic';
    const entry = catalog.get(`${track}/${level}`) as { course: string; version: string; credential: string | null };
    const endOn = [addDays(startOn, rnd.int(3, 20)), LAST_DAY].sort()[0] as string;
    const status = rnd.next() < 0.08 ? 'cancelled' : 'closed';
    const id = newId();
    const country = rnd.pick(SCALE_COUNTRIES);
    const host = rnd.next() < 0.5 ? rnd.pick(partners).id : null;
    rows.offerings.push({ id, course_id: entry.course, course_version_id: entry.version, start_on: startOn, end_on: endOn, country, city: null, host_organization_id: host, delivering_organization_id: office, capacity: 30, is_us_funded: rnd.next() < 0.85 ? 1 : 0, status, closed_at: status === 'closed' ? `${endOn}T16:00:00.000Z` : null, notes: null, ...stamp });
    const pool = [...teachers];
    const lead = rnd.next() < 0.75 && pool.length > staff.length ? (pool[rnd.int(staff.length, pool.length - 1)] as string) : rnd.pick(staff);
    rows.offering_instructors.push({ offering_id: id, person_id: lead, role: 'lead' });
    const co = rnd.pick(pool);
    if (co !== lead && rnd.next() < 0.3) rows.offering_instructors.push({ offering_id: id, person_id: co, role: 'co' });
    const trainees = new Set(Array.from({ length: rnd.int(3, 14) }, () => rnd.pick(everyone)));
    if (rnd.next() < 0.05) trainees.add(rnd.pick(pool)); // an instructor retrained downstream: a cycle
    if (rnd.next() < 0.02) trainees.add(lead); // a lead recorded among their own trainees
    for (const trainee of trainees) {
      const completed = rnd.next() < 0.8;
      rows.enrollments.push({ id: newId(), offering_id: id, person_id: trainee, status: completed ? 'completed' : rnd.pick(['failed', 'withdrawn', 'no_show'] as const), attendance_percent: 95, score: 90, outcome: null, ...stamp });
      if (completed && entry.credential && status === 'closed') {
        const revoked = rnd.next() < 0.1;
        rows.certifications.push({ id: newId(), person_id: trainee, credential_id: entry.credential, offering_id: id, issued_on: endOn, expires_on: addDays(endOn, rnd.int(200, 900)), revoked_at: revoked ? `${addDays(endOn, rnd.int(30, 400))}T10:00:00.000Z` : null, revoked_reason: revoked ? 'Left the agency.' : null, ...stamp });
        if (!staff.includes(trainee)) {
          teachers.add(trainee);
          partnerInstructors.add(trainee);
        }
      }
    }
  }

  for (let i = 0; i < size.deployments; i += 1) {
    const id = newId();
    const startOn = day();
    const status = rnd.pick(['completed', 'completed', 'in_country', 'cancelled', 'staffing', 'planning'] as const);
    const endOn = addDays(startOn, rnd.int(60, 400));
    const host = rnd.next() < 0.5 ? rnd.pick(partners) : null;
    rows.deployments.push({ id, title: `Mission ${seed}-${i}`, host_country: rnd.pick(SCALE_COUNTRIES), host_organization_id: host?.id ?? null, track: rnd.pick(TRACKS), status, start_on: startOn, end_on: endOn, is_high_threat: 0, summary: null, ...stamp });
    rows.deployment_purposes.push({ deployment_id: id, purpose: rnd.pick(['mentor', 'train', 'advise'] as const) });
    const rotation = newId();
    rows.rotations.push({ id: rotation, deployment_id: id, sequence: 1, start_on: startOn, end_on: endOn, authorized_headcount: 10, ...stamp });
    for (const officer of new Set(Array.from({ length: rnd.int(1, 6) }, () => rnd.pick(everyone)))) {
      const out = status === 'completed' || status === 'in_country';
      const assignment = out ? (rnd.next() < 0.8 ? (status === 'completed' || rnd.next() < 0.3 ? 'returned' : 'deployed') : 'withdrawn') : status === 'cancelled' ? 'withdrawn' : 'nominated';
      const isOut = assignment === 'returned' || assignment === 'deployed';
      const deployedOn = isOut ? addDays(startOn, rnd.int(0, 10)) : null;
      rows.assignments.push({
        id: newId(),
        deployment_id: id,
        rotation_id: rotation,
        person_id: officer,
        role: 'mentor',
        status: assignment,
        start_on: startOn,
        end_on: endOn,
        deployed_on: deployedOn,
        returned_on: assignment === 'returned' && deployedOn ? addDays(deployedOn, rnd.int(20, 420)) : null,
        withdrawn_reason: assignment === 'withdrawn' ? 'Did not go.' : null,
        nominated_by: null,
        ...stamp,
      });
    }
  }

  await db.transaction().execute(async (trx) => {
    for (const [table, list] of Object.entries(rows) as [keyof typeof rows, Row<keyof DB>[]][]) {
      // Bound parameters stay under both engines' limits.
      for (let i = 0; i < list.length; i += 400) await trx.insertInto(table).values(list.slice(i, i + 400) as never).execute();
    }
  });
  // The tables the services keep from these rows, filled as `cadre generate` fills them.
  await refreshDerivedTables(db, () => undefined);
  return { officeId: office, partners: partners.map((p) => ({ id: p.id, country: p.country })), partnerInstructors: [...partnerInstructors], staff };
}
