import type { Insertable, Kysely } from 'kysely';
import { random } from '../src/generate/random.js';
import { addDays } from '../src/platform/dates.js';
import type { OrganizationKind, Stage, Track } from '../src/platform/db/enums.js';
import type { DB } from '../src/platform/db/schema.js';
import { newId } from '../src/platform/ids.js';
import { searchKey } from '../src/platform/text.js';

/**
 * A small program written straight into the tables, the same for a seed on either engine: partners
 * on varied tracks and countries with stage histories over several years, meetings and follow-ups,
 * deployments (some cancelled) with officers deployed, withdrawn or returned, offerings (some
 * cancelled) whose completions certify instructors, some certifications revoked or lapsed. What the
 * services refuse to write (a history spread over years) is written as rows, as an import of old
 * records would leave them; the figure tests then read it only through the API.
 */

type Row<T extends keyof DB> = Insertable<DB[T]>;

export const GENERATED_YEARS = [2008, 2009, 2010, 2011] as const;
export const GENERATED_COUNTRIES = ['US', 'HT', 'SV', 'BR'] as const;
const TRACKS: Track[] = ['policing', 'corrections'];
const KINDS: OrganizationKind[] = ['municipal_police', 'state_corrections', 'foreign_police', 'foreign_corrections', 'federal_agency'];
const PATHS: Stage[][] = [['prospect'], ['prospect', 'engaged'], ['engaged', 'agreement', 'active'], ['active'], ['active', 'paused'], ['agreement', 'active', 'closed']];

export interface GeneratedProgram {
  organizations: { id: string; country: string }[];
}

export async function generateProgram(db: Kysely<DB>, seed: number): Promise<GeneratedProgram> {
  const rnd = random(seed);
  const stamp = { created_at: '2011-12-31T12:00:00.000Z', updated_at: '2011-12-31T12:00:00.000Z' };
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
    rotations: [] as Row<'rotations'>[],
    assignments: [] as Row<'assignments'>[],
  };
  const organization = (name: string, kind: OrganizationKind, country: string) => {
    const id = newId();
    rows.organizations.push({ id, name, search_name: searchKey(name), acronym: null, kind, country, city: null, ...stamp });
    return id;
  };
  const person = (organizationId: string, i: number) => {
    const id = newId();
    const [given, family] = [rnd.pick(['Ana', 'Jean', 'Luis', 'Marie', 'Sam']), `Person-${seed}-${i}`];
    rows.people.push({ id, organization_id: organizationId, given_name: given, family_name: family, search_name: searchKey(`${given} ${family}`), sort_name: searchKey(`${family} ${given}`), sex: rnd.pick(['female', 'male', null]), status: 'active', ...stamp });
    return id;
  };

  const office = organization(`Program office ${seed}`, 'program_office', 'US');
  const staff = [person(office, 0), person(office, 1)];
  const partners: { id: string; country: string; people: string[] }[] = [];
  for (let i = 0; i < 8; i += 1) {
    const country = rnd.pick(GENERATED_COUNTRIES);
    const id = organization(`Partner ${seed}-${i}`, rnd.pick(KINDS), country);
    const people = Array.from({ length: 6 }, (_, k) => person(id, 10 + i * 10 + k));
    partners.push({ id, country, people });
    if (rnd.next() < 0.15) continue; // an organization with no partnership at all
    const partnershipId = newId();
    const path = rnd.pick(PATHS);
    const days = path.map(() => rnd.day(rnd.pick(GENERATED_YEARS))).sort();
    rows.partnerships.push({ id: partnershipId, organization_id: id, stage: path.at(-1) as Stage, stage_changed_on: days.at(-1) as string, summary: null, ...stamp });
    for (const track of rnd.next() < 0.3 ? TRACKS : [rnd.pick(TRACKS)]) rows.partnership_tracks.push({ partnership_id: partnershipId, track });
    for (const target of new Set([rnd.pick(GENERATED_COUNTRIES), rnd.pick(GENERATED_COUNTRIES)])) rows.partnership_countries.push({ partnership_id: partnershipId, country: target });
    path.forEach((stage, k) =>
      rows.partnership_stage_changes.push({ id: newId(), partnership_id: partnershipId, from_stage: k === 0 ? null : (path[k - 1] as Stage), to_stage: stage, changed_on: days[k] as string, note: null, recorded_at: `${days[k]}T15:00:00.000Z` }),
    );
  }

  for (let i = 0; i < 14; i += 1) {
    const partner = rnd.pick(partners);
    const id = newId();
    const occurredOn = rnd.day(rnd.pick(GENERATED_YEARS));
    rows.engagements.push({ id, organization_id: partner.id, kind: 'meeting', occurred_on: occurredOn, title: `Meeting ${i}`, location: null, summary: null, outcome: null, created_by: null, ...stamp });
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
  const everyone = partners.flatMap((p) => p.people);
  for (let i = 0; i < 12; i += 1) {
    const track = rnd.pick(TRACKS);
    const level = rnd.next() < 0.4 ? 'instructor' : 'basic';
    const entry = catalog.get(`${track}/${level}`) as { course: string; version: string; credential: string | null };
    const startOn = rnd.day(rnd.pick(GENERATED_YEARS));
    const endOn = addDays(startOn, rnd.int(3, 20));
    const status = rnd.next() < 0.15 ? 'cancelled' : 'closed';
    const id = newId();
    rows.offerings.push({ id, course_id: entry.course, course_version_id: entry.version, start_on: startOn, end_on: endOn, country: rnd.pick(GENERATED_COUNTRIES), city: null, host_organization_id: null, delivering_organization_id: office, capacity: 30, status, closed_at: status === 'closed' ? `${endOn}T16:00:00.000Z` : null, notes: null, ...stamp });
    const lead = rnd.pick(staff);
    rows.offering_instructors.push({ offering_id: id, person_id: lead, role: 'lead' });
    for (const trainee of new Set(Array.from({ length: rnd.int(2, 7) }, () => rnd.pick(everyone)))) {
      const completed = rnd.next() < 0.8;
      rows.enrollments.push({ id: newId(), offering_id: id, person_id: trainee, status: completed ? 'completed' : rnd.pick(['failed', 'withdrawn', 'no_show'] as const), attendance_percent: 95, score: 90, outcome: null, ...stamp });
      if (completed && entry.credential && status === 'closed') {
        const revoked = rnd.next() < 0.15;
        rows.certifications.push({ id: newId(), person_id: trainee, credential_id: entry.credential, offering_id: id, issued_on: endOn, expires_on: addDays(endOn, rnd.int(200, 900)), revoked_at: revoked ? `${addDays(endOn, rnd.int(30, 400))}T10:00:00.000Z` : null, revoked_reason: revoked ? 'Left the agency.' : null, ...stamp });
      }
    }
  }

  for (let i = 0; i < 6; i += 1) {
    const id = newId();
    const startOn = rnd.day(rnd.pick(GENERATED_YEARS));
    const endOn = addDays(startOn, rnd.int(60, 400));
    const status = rnd.pick(['completed', 'completed', 'in_country', 'cancelled', 'staffing'] as const);
    const host = rnd.next() < 0.5 ? rnd.pick(partners) : null;
    rows.deployments.push({ id, title: `Mission ${seed}-${i}`, host_country: rnd.pick(GENERATED_COUNTRIES.slice(1)), host_organization_id: host?.id ?? null, track: rnd.pick(TRACKS), status, start_on: startOn, end_on: endOn, is_high_threat: 0, summary: null, ...stamp });
    const rotation = newId();
    rows.rotations.push({ id: rotation, deployment_id: id, sequence: 1, start_on: startOn, end_on: endOn, authorized_headcount: 10, ...stamp });
    for (const officer of new Set(Array.from({ length: rnd.int(1, 4) }, () => rnd.pick(everyone)))) {
      const deployed = status === 'completed' || status === 'in_country' ? (rnd.next() < 0.8 ? (status === 'completed' ? 'returned' : 'deployed') : 'withdrawn') : status === 'cancelled' ? 'withdrawn' : 'nominated';
      const isOut = deployed === 'returned' || deployed === 'deployed';
      rows.assignments.push({
        id: newId(),
        deployment_id: id,
        rotation_id: rotation,
        person_id: officer,
        role: 'mentor',
        status: deployed,
        start_on: startOn,
        end_on: endOn,
        deployed_on: isOut ? startOn : null,
        returned_on: deployed === 'returned' ? addDays(startOn, rnd.int(30, 60)) : null,
        withdrawn_reason: deployed === 'withdrawn' ? 'Did not go.' : null,
        nominated_by: null,
        ...stamp,
      });
    }
  }

  await db.transaction().execute(async (trx) => {
    for (const [table, list] of Object.entries(rows) as [keyof typeof rows, Row<keyof DB>[]][]) {
      if (list.length > 0) await trx.insertInto(table).values(list as never).execute();
    }
  });
  return { organizations: partners.map((p) => ({ id: p.id, country: p.country })) };
}
