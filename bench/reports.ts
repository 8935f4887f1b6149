import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type Insertable, type Kysely, sql } from 'kysely';
import { createApp } from '../src/app.js';
import { type DatabaseTarget, loadConfig } from '../src/config.js';
import { systemContext } from '../src/platform/access.js';
import { systemClock } from '../src/platform/clock.js';
import { createDashboardService } from '../src/modules/reports/dashboard.service.js';
import { createReportsService } from '../src/modules/reports/reports.service.js';
import { addDays, addMonths } from '../src/platform/dates.js';
import type { AssignmentRole, OrganizationKind, Stage, TaskStatus } from '../src/platform/db/enums.js';
import type { DB } from '../src/platform/db/schema.js';
import { newId } from '../src/platform/ids.js';
import { searchKey } from '../src/platform/text.js';
import { migrateToLatest, openDatabase } from '../src/platform/db/database.js';
import { createTestDatabase } from '../test/dialects.js';
import { random } from './data.js';

/**
 * The program reports over a large program: BENCH_ENROLLMENTS completed enrollments (default
 * 1,000,000) of BENCH_PEOPLE people (100,000) from BENCH_PARTNERS partner organizations (2,000),
 * trained in 2006–2011 in ten countries. Measures the dashboard, the year report (JSON, HTML and
 * PDF) and the IATI export for 2010, through the services and over HTTP, each beside plain SQL
 * over the same tables answering the same figures (the limit), with the peak memory of each.
 *
 *   npm run bench:reports                                # SQLite
 *   CADRE_TEST_DATABASE=postgres npm run bench:reports   # PostgreSQL
 *   BENCH_ENROLLMENTS=20000 BENCH_PEOPLE=4000 BENCH_PARTNERS=100 npm run bench:reports
 *
 * Generating the large program takes minutes; BENCH_DATABASE (a SQLite file, or the URL of an
 * existing PostgreSQL database) keeps it: generated there when empty, migrated and measured again
 * as it stands otherwise (so a new index is measured without generating anew).
 */

const ENROLLMENTS = Number(process.env.BENCH_ENROLLMENTS ?? 1_000_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 2_000);
const SEED = Number(process.env.BENCH_SEED ?? 2010);
const YEAR = 2010;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const YEARS = [2006, 2007, 2008, 2009, 2010, 2011];
// A program starts small and grows: the share of each year's enrollments.
const YEAR_WEIGHTS = [0.4, 0.65, 0.9, 1.1, 1.35, 1.6];
const HOME = 'US';
const ABROAD = ['SV', 'BR', 'HT', 'MX', 'GT', 'HN', 'CO', 'PE', 'DO'];
// Where training is delivered: about a third at home, the rest where the partners are.
const OFFERING_COUNTRIES: [string, number][] = [['US', 34], ['SV', 12], ['BR', 10], ['HT', 8], ['MX', 9], ['GT', 7], ['HN', 6], ['CO', 6], ['PE', 4], ['DO', 4]];
const DOMESTIC_KINDS: [OrganizationKind, number][] = [['municipal_police', 30], ['county_sheriff', 12], ['state_police', 6], ['state_corrections', 12], ['county_corrections', 8], ['federal_agency', 4], ['professional_association', 3], ['academy', 5]];
const FOREIGN_KINDS: [OrganizationKind, number][] = [['foreign_police', 55], ['foreign_corrections', 30], ['ministry', 10], ['academy', 5]];
const CORRECTIONS_KINDS = new Set<string>(['state_corrections', 'county_corrections', 'foreign_corrections']);
// Forward walks of the pipeline (partnerships.rules.ts), as the 1–3 changes the data holds.
const STAGE_PATHS: [Stage[], number][] = [
  [['prospect'], 6],
  [['prospect', 'engaged'], 8],
  [['prospect', 'engaged', 'agreement'], 6],
  [['engaged', 'agreement', 'active'], 20],
  [['agreement', 'active'], 25],
  [['active'], 15],
  [['agreement', 'active', 'paused'], 5],
  [['active', 'paused', 'active'], 5],
  [['active', 'closed'], 5],
  [['engaged', 'closed'], 5],
];
// Most courses are basic; instructor and master courses are the cascade's few steps up.
const LEVELS: [Level, number][] = [['basic', 95.4], ['instructor', 4], ['master', 0.6]];
const TOWNS = ['Springfield', 'Riverside', 'Fairview', 'Franklin', 'Greenville', 'Bristol', 'Clinton', 'Salem', 'Madison', 'Georgetown', 'Arlington', 'Ashland', 'Dover', 'Oxford', 'Jackson', 'Milton', 'Newport', 'Auburn', 'Dayton', 'Lexington'];
const GIVEN_FEMALE = ['Ana', 'Maria', 'Sofia', 'Lucia', 'Carmen', 'Rosa', 'Elena', 'Sarah', 'Emily', 'Jessica', 'Laura', 'Patricia', 'Fernanda', 'Juliana', 'Marie', 'Nadia'];
const GIVEN_MALE = ['Jose', 'Carlos', 'Luis', 'Juan', 'Miguel', 'Pedro', 'Jorge', 'James', 'Michael', 'Robert', 'David', 'Daniel', 'Rafael', 'Thiago', 'Jean', 'Pierre'];
const FAMILY = ['Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Flores', 'Silva', 'Santos', 'Oliveira', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Joseph', 'Pierre', 'Charles', 'Louis'];
const RANKS = ['Officer', 'Corporal', 'Sergeant', 'Lieutenant', 'Captain', 'Inspector', 'Corrections Officer', 'Warden'];
const CLASS = { min: 20, max: 30 };

type Level = 'basic' | 'instructor' | 'master';
type Track = 'policing' | 'corrections';
type Row<T extends keyof DB> = Insertable<DB[T]>;


async function inChunks<T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Peak resident memory over one stretch of work. Linux lets a process reset its high-water mark
 * (clear_refs 5) and read it back (VmHWM), which catches peaks inside synchronous work that a
 * timer would miss; elsewhere, a sampled RSS is the fallback.
 */
export function memoryProbe() {
  const canReset = (() => {
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
      return /VmHWM:\s+\d+/.test(fs.readFileSync('/proc/self/status', 'utf8'));
    } catch {
      return false;
    }
  })();
  let sampled = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    method: canReset ? 'VmHWM, reset before each measurement' : 'RSS sampled every 10 ms',
    start() {
      if (canReset) fs.writeFileSync('/proc/self/clear_refs', '5');
      sampled = process.memoryUsage.rss();
      if (!canReset) timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 10);
    },
    /** MiB. */
    peak(): number {
      if (timer) clearInterval(timer);
      timer = undefined;
      const kib = canReset ? Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) : Math.max(sampled, process.memoryUsage.rss()) / 1024;
      return Math.round(kib / 1024);
    },
  };
}

interface Program {
  office: string;
  staff: string[];
}

export async function generate(db: Kysely<DB>): Promise<Program> {
  const rnd = random(SEED);
  const now = new Date().toISOString();
  const stamp = { created_at: now, updated_at: now };

  // Organizations: the program office, then partners at home and abroad.
  const office = newId();
  const organizations: Row<'organizations'>[] = [
    { id: office, name: 'Office of Police and Corrections Partnerships', search_name: searchKey('Office of Police and Corrections Partnerships'), acronym: 'OPCP', kind: 'program_office', country: HOME, city: 'Washington', subdivision: 'US-DC', ...stamp },
  ];
  const partners: { id: string; kind: OrganizationKind; country: string; name: string }[] = [];
  for (let i = 0; i < PARTNERS; i += 1) {
    const isDomestic = rnd.next() < 0.55;
    const kind = rnd.weighted(isDomestic ? DOMESTIC_KINDS : FOREIGN_KINDS);
    const country = isDomestic ? HOME : rnd.weighted(OFFERING_COUNTRIES.filter(([c]) => c !== HOME));
    const town = rnd.pick(TOWNS);
    const name = `${isDomestic ? town : country} ${kind.replace(/_/g, ' ')} ${String(i + 1).padStart(4, '0')}`;
    partners.push({ id: newId(), kind, country, name });
    organizations.push({ id: partners[i]?.id as string, name, search_name: searchKey(name), acronym: null, kind, country, city: isDomestic ? town : null, ...stamp });
  }
  await db.transaction().execute((trx) => inChunks(organizations, 500, (chunk) => trx.insertInto('organizations').values(chunk).execute()));

  // Partnerships, each with its tracks, target countries and 1–3 stage changes.
  const partnerships: Row<'partnerships'>[] = [];
  const tracks: Row<'partnership_tracks'>[] = [];
  const targets: Row<'partnership_countries'>[] = [];
  const changes: Row<'partnership_stage_changes'>[] = [];
  for (const partner of partners) {
    const id = newId();
    const path = rnd.weighted(STAGE_PATHS);
    const days = path.map(() => rnd.day(rnd.pick(YEARS))).sort();
    partnerships.push({ id, organization_id: partner.id, stage: path.at(-1) as Stage, stage_changed_on: days.at(-1) as string, summary: null, ...stamp });
    const corrections = CORRECTIONS_KINDS.has(partner.kind);
    const partnerTracks: Track[] = rnd.next() < 0.2 ? ['policing', 'corrections'] : [corrections ? 'corrections' : 'policing'];
    for (const track of partnerTracks) tracks.push({ partnership_id: id, track });
    const countries = new Set(partner.country === HOME ? Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(ABROAD)) : [partner.country]);
    for (const country of countries) targets.push({ partnership_id: id, country });
    path.forEach((stage, k) =>
      changes.push({ id: newId(), partnership_id: id, from_stage: k === 0 ? null : (path[k - 1] as Stage), to_stage: stage, changed_on: days[k] as string, note: null, recorded_at: `${days[k]}T15:00:00.000Z` }),
    );
  }
  await db.transaction().execute(async (trx) => {
    await inChunks(partnerships, 500, (chunk) => trx.insertInto('partnerships').values(chunk).execute());
    await inChunks(tracks, 1000, (chunk) => trx.insertInto('partnership_tracks').values(chunk).execute());
    await inChunks(targets, 1000, (chunk) => trx.insertInto('partnership_countries').values(chunk).execute());
    await inChunks(changes, 1000, (chunk) => trx.insertInto('partnership_stage_changes').values(chunk).execute());
  });

  // People: a few staff instructors at the office; the rest spread unevenly over the partners
  // (a city police department is far larger than a professional association).
  const staffCount = Math.max(10, Math.round(PEOPLE / 1000));
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < partners.length; i += 1) cumulative.push((sum += Math.exp(rnd.next() * 3)));
  const partnerOf = () => {
    const r = rnd.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return partners[lo] as (typeof partners)[number];
  };
  const staff: string[] = [];
  const byCountry = new Map<string, string[]>();
  const usPeople: string[] = [];
  const people: Row<'people'>[] = [];
  for (let i = 0; i < PEOPLE; i += 1) {
    const isStaff = i < staffCount;
    const partner = isStaff ? null : partnerOf();
    const sex = rnd.next() < (partner && CORRECTIONS_KINDS.has(partner.kind) ? 0.3 : 0.2) ? 'female' : 'male';
    const given = rnd.pick(sex === 'female' ? GIVEN_FEMALE : GIVEN_MALE);
    const family = `${rnd.pick(FAMILY)}-${i}`;
    const id = newId();
    people.push({
      id,
      organization_id: partner?.id ?? office,
      given_name: given,
      family_name: family,
      search_name: searchKey(`${given} ${family}`),
      sort_name: searchKey(`${family} ${given}`),
      rank_title: rnd.pick(RANKS),
      sex,
      date_of_birth: `${rnd.int(1955, 1990)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
      status: 'active',
      ...stamp,
    });
    if (isStaff) staff.push(id);
    else {
      const pool = byCountry.get(partner?.country as string) ?? [];
      pool.push(id);
      byCountry.set(partner?.country as string, pool);
      if (partner?.country === HOME) usPeople.push(id);
    }
  }
  await db.transaction().execute((trx) => inChunks(people, 1000, (chunk) => trx.insertInto('people').values(chunk).execute()));
  const everyone = people.slice(staffCount).map((p) => p.id);
  people.length = 0;

  // The catalog: per track two basic courses, one instructor course and one master course, the
  // last two granting their credential. Basic courses were revised once, in 2009.
  const credentials: Row<'credentials'>[] = [];
  const courses: Row<'courses'>[] = [];
  const versions: Row<'course_versions'>[] = [];
  const catalog = new Map<string, { id: string; versions: { id: string; from: number; title: string }[]; credential: string | null; validity: number | null; days: number }[]>();
  for (const track of ['policing', 'corrections'] as const) {
    const label = track === 'policing' ? 'Police' : 'Corrections';
    const instructorCredential = { id: newId(), name: `Certified ${label} Instructor`, validity: 36 };
    const masterCredential = { id: newId(), name: `Master ${label} Instructor`, validity: 60 };
    for (const c of [instructorCredential, masterCredential]) {
      credentials.push({ id: c.id, name: c.name, description: null, criteria: 'Attend at least 90% and pass the teach-back.', track, validity_months: c.validity, pass_mark: 75, min_attendance_percent: 90, co_teachings_before_lead: 1, ...stamp });
    }
    const plan: { level: Level; code: string; title: string; hours: number; grants: typeof instructorCredential | null; requires: string | null; revised: boolean; days: number }[] = [
      { level: 'basic', code: `${track.slice(0, 3).toUpperCase()}-101`, title: `${label} fundamentals`, hours: 40, grants: null, requires: null, revised: true, days: 4 },
      { level: 'basic', code: `${track.slice(0, 3).toUpperCase()}-102`, title: `${label} human rights and use of force`, hours: 24, grants: null, requires: null, revised: true, days: 2 },
      { level: 'instructor', code: `${track.slice(0, 3).toUpperCase()}-301`, title: `${label} instructor development`, hours: 80, grants: instructorCredential, requires: null, revised: false, days: 9 },
      { level: 'master', code: `${track.slice(0, 3).toUpperCase()}-401`, title: `${label} master instructor`, hours: 120, grants: masterCredential, requires: instructorCredential.id, revised: false, days: 14 },
    ];
    for (const p of plan) {
      const id = newId();
      const v = p.revised ? [{ id: newId(), from: 2006, title: p.title }, { id: newId(), from: 2009, title: `${p.title} (2009 edition)` }] : [{ id: newId(), from: 2006, title: p.title }];
      courses.push({ id, code: p.code, track, level: p.level, language: track === 'policing' ? 'es' : 'en', grants_credential_id: p.grants?.id ?? null, requires_credential_id: p.requires, current_version: v.length, ...stamp });
      v.forEach((version, k) => versions.push({ id: version.id, course_id: id, number: k + 1, title: version.title, hours: p.hours, description: null, created_at: now }));
      const key = `${track}/${p.level}`;
      catalog.set(key, [...(catalog.get(key) ?? []), { id, versions: v, credential: p.grants?.id ?? null, validity: p.grants?.validity ?? null, days: p.days }]);
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('credentials').values(credentials).execute();
    await trx.insertInto('courses').values(courses).execute();
    await trx.insertInto('course_versions').values(versions).execute();
  });

  // Offerings year by year. Office staff teach the masters; masters teach instructors; certified
  // instructors teach the basic courses, at home in their own country when there are some. Who
  // is certified in a year teaches from the next.
  const certifiedInstructors = new Map<string, string[]>(); // `${track}/${country}`
  const masters = new Map<Track, string[]>([['policing', [...staff]], ['corrections', [...staff]]]);
  const hostsIn = new Map<string, string[]>();
  for (const p of partners) if (p.country !== HOME) hostsIn.set(p.country, [...(hostsIn.get(p.country) ?? []), p.id]);
  const totalWeight = YEAR_WEIGHTS.reduce((a, b) => a + b, 0);
  let written = 0;
  let certificationCount = 0;
  let offeringCount = 0;
  for (const [y, year] of YEARS.entries()) {
    const target = y === YEARS.length - 1 ? ENROLLMENTS - written : Math.round((ENROLLMENTS * (YEAR_WEIGHTS[y] as number)) / totalWeight);
    const newlyCertified: { track: Track; country: string; person: string; master: boolean }[] = [];
    let inYear = 0;
    const anywhere = new Map<Track, string[]>((['policing', 'corrections'] as const).map((t) => [t, [...ABROAD, HOME].flatMap((c) => certifiedInstructors.get(`${t}/${c}`) ?? [])]));
    let batch: { offering: Row<'offerings'>; lead: string; enrollments: Row<'enrollments'>[]; certifications: Row<'certifications'>[] }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('offerings').values(rows.map((r) => r.offering)).execute();
        await trx.insertInto('offering_instructors').values(rows.map((r) => ({ offering_id: r.offering.id, person_id: r.lead, role: 'lead' }))).execute();
        await inChunks(rows.flatMap((r) => r.enrollments), 2000, (chunk) => trx.insertInto('enrollments').values(chunk).execute());
        await inChunks(rows.flatMap((r) => r.certifications), 1000, (chunk) => trx.insertInto('certifications').values(chunk).execute());
      });
    };
    while (inYear < target) {
      const size = Math.min(target - inYear, rnd.int(CLASS.min, CLASS.max));
      const track: Track = rnd.next() < 0.62 ? 'policing' : 'corrections';
      const level = rnd.weighted(LEVELS);
      // Master courses are held at home; the others where the partners are.
      const country = level === 'master' ? HOME : rnd.weighted(OFFERING_COUNTRIES);
      const course = rnd.pick(catalog.get(`${track}/${level}`) ?? []);
      const version = [...course.versions].reverse().find((v) => v.from <= year) ?? course.versions[0];
      const startOn = rnd.day(year, 11);
      const endOn = addDays(startOn, course.days);

      const local = certifiedInstructors.get(`${track}/${country}`) ?? [];
      const certified = anywhere.get(track) as string[];
      const lead =
        level === 'master' ? rnd.pick(staff)
        : level === 'instructor' ? rnd.pick(masters.get(track) as string[])
        : local.length >= 3 ? rnd.pick(local)
        : certified.length > 0 ? rnd.pick(certified)
        : rnd.pick(staff);
      // Master students are certified instructors, once there are enough of them.
      const masterCandidates = level === 'master' ? certified : [];
      const pool = masterCandidates.length >= size * 4 ? masterCandidates : (byCountry.get(country) ?? []).length > size * 2 ? (byCountry.get(country) as string[]) : everyone;
      const trainees = new Set<string>();
      while (trainees.size < size) {
        const p = rnd.pick(pool);
        if (p !== lead) trainees.add(p);
      }

      const id = newId();
      const closedAt = `${addDays(endOn, rnd.int(1, 10))}T16:00:00.000Z`;
      const hosts = hostsIn.get(country);
      const offering: Row<'offerings'> = {
        id,
        course_id: course.id,
        course_version_id: version?.id as string,
        start_on: startOn,
        end_on: endOn,
        country,
        city: country === HOME ? rnd.pick(TOWNS) : null,
        host_organization_id: hosts && rnd.next() < 0.7 ? rnd.pick(hosts) : null,
        delivering_organization_id: office,
        capacity: CLASS.max,
        is_refresher: rnd.next() < 0.05 ? 1 : 0,
        status: 'closed',
        closed_at: closedAt,
        notes: null,
        created_at: `${addDays(startOn, -rnd.int(20, 90))}T12:00:00.000Z`,
        updated_at: closedAt,
      };
      const enrollments: Row<'enrollments'>[] = [];
      const certifications: Row<'certifications'>[] = [];
      for (const person of trainees) {
        enrollments.push({ id: newId(), offering_id: id, person_id: person, status: 'completed', attendance_percent: rnd.int(90, 100), score: rnd.int(75, 100), outcome: null, created_at: offering.created_at, updated_at: closedAt });
        // Not everyone who completes an instructor course is certified (the teach-back, vetting).
        if (course.credential && rnd.next() < 0.85) {
          const revoked = rnd.next() < 0.01;
          certifications.push({
            id: newId(),
            person_id: person,
            credential_id: course.credential,
            offering_id: id,
            issued_on: endOn,
            expires_on: course.validity ? addDays(addMonths(endOn, course.validity), -1) : null,
            revoked_at: revoked ? `${addMonths(endOn, rnd.int(3, 24))}T10:00:00.000Z` : null,
            revoked_reason: revoked ? 'Separated from the agency.' : null,
            ...stamp,
          });
          if (!revoked) newlyCertified.push({ track, country: level === 'master' ? HOME : country, person, master: level === 'master' });
        }
      }
      certificationCount += certifications.length;
      batch.push({ offering, lead, enrollments, certifications });
      if (batch.length >= 200) await flush();
      inYear += size;
      offeringCount += 1;
    }
    await flush();
    written += inYear;
    for (const c of newlyCertified) {
      if (c.master) (masters.get(c.track) as string[]).push(c.person);
      else certifiedInstructors.set(`${c.track}/${c.country}`, [...(certifiedInstructors.get(`${c.track}/${c.country}`) ?? []), c.person]);
    }
    process.stdout.write(`  ${year}: ${inYear} enrollments\n`);
  }
  process.stdout.write(`  ${offeringCount} offerings, ${certificationCount} certifications\n`);

  // Meetings with partners, their follow-ups, and deployments abroad with who went.
  const engagements: Row<'engagements'>[] = [];
  const participants: Row<'engagement_participants'>[] = [];
  const tasks: Row<'tasks'>[] = [];
  const ENGAGEMENT_KINDS = ['meeting', 'call', 'visit', 'workshop', 'conference', 'correspondence'] as const;
  for (let i = 0; i < Math.round(PARTNERS * 1.5); i += 1) {
    const partner = rnd.pick(partners);
    const id = newId();
    const occurredOn = rnd.day(rnd.pick(YEARS));
    const kind = rnd.pick(ENGAGEMENT_KINDS);
    engagements.push({ id, organization_id: partner.id, kind, occurred_on: occurredOn, title: `${kind[0]?.toUpperCase()}${kind.slice(1)} on the training plan`, location: partner.country === HOME ? rnd.pick(TOWNS) : partner.country, summary: null, outcome: rnd.next() < 0.5 ? 'Agreed next steps.' : null, created_by: null, ...stamp });
    for (let k = 0; k < rnd.int(1, 3); k += 1) participants.push({ id: newId(), engagement_id: id, position: k, name: `${rnd.pick(GIVEN_MALE)} ${rnd.pick(FAMILY)}`, title: rnd.pick(['Chief', 'Director', 'Commissioner', 'Training Coordinator', null]), organization_id: partner.id });
    if (rnd.next() < 0.5) {
      const dueOn = addDays(occurredOn, rnd.int(14, 120));
      const status = rnd.weighted<TaskStatus>([['open', 60], ['done', 35], ['cancelled', 5]]);
      tasks.push({ id: newId(), engagement_id: id, organization_id: partner.id, title: 'Send the training calendar', notes: null, owner_id: null, due_on: dueOn, status, completed_at: status === 'done' ? `${dueOn}T12:00:00.000Z` : null, created_by: null, ...stamp });
    }
  }
  const deployments: Row<'deployments'>[] = [];
  const purposes: Row<'deployment_purposes'>[] = [];
  const rotations: Row<'rotations'>[] = [];
  const assignments: Row<'assignments'>[] = [];
  for (let i = 0; i < Math.max(5, Math.round(PARTNERS / 10)); i += 1) {
    const id = newId();
    const country = rnd.pick(ABROAD);
    const track: Track = rnd.next() < 0.6 ? 'policing' : 'corrections';
    const startOn = rnd.day(rnd.pick(YEARS));
    const endOn = addDays(startOn, rnd.int(90, 540));
    // Data entry lags: a few deployments over by now are still marked in country.
    const status = endOn > '2011-09-01' && rnd.next() < 0.5 ? 'in_country' : rnd.next() < 0.05 ? 'cancelled' : 'completed';
    const hosts = hostsIn.get(country);
    deployments.push({ id, title: `${track === 'policing' ? 'Police' : 'Corrections'} mentoring team, ${country} ${startOn.slice(0, 4)}`, host_country: country, host_organization_id: hosts ? rnd.pick(hosts) : null, track, status, start_on: startOn, end_on: endOn, is_high_threat: country === 'HT' ? 1 : 0, summary: null, ...stamp });
    for (const purpose of ['mentor' as const, ...(['train', 'advise'] as const).filter(() => rnd.next() < 0.5)]) purposes.push({ deployment_id: id, purpose });
    const rotationCount = rnd.int(1, 2);
    const days = Math.floor((Date.parse(endOn) - Date.parse(startOn)) / 86_400_000 / rotationCount);
    for (let r = 0; r < rotationCount; r += 1) {
      const rotationId = newId();
      const rStart = addDays(startOn, r * days);
      const rEnd = r === rotationCount - 1 ? endOn : addDays(rStart, days - 1);
      const headcount = rnd.int(3, 12);
      rotations.push({ id: rotationId, deployment_id: id, sequence: r + 1, start_on: rStart, end_on: rEnd, authorized_headcount: headcount, ...stamp });
      const officers = new Set(Array.from({ length: headcount }, () => rnd.pick(usPeople.length ? usPeople : everyone)));
      for (const person of officers) {
        const withdrawn = status === 'cancelled' || rnd.next() < 0.08;
        const deployed = !withdrawn && (status === 'in_country' && r === rotationCount - 1 ? 'deployed' : 'returned');
        assignments.push({
          id: newId(),
          deployment_id: id,
          rotation_id: rotationId,
          person_id: person,
          role: rnd.weighted<AssignmentRole>([['mentor', 6], ['trainer', 3], ['advisor', 2], ['team_lead', 1]]),
          status: deployed || 'withdrawn',
          start_on: rStart,
          end_on: rEnd,
          deployed_on: deployed ? rStart : null,
          returned_on: deployed === 'returned' ? (rnd.next() < 0.1 ? addDays(rStart, Math.floor(days / 2)) : rEnd) : null,
          withdrawn_reason: deployed ? null : 'Medical',
          nominated_by: null,
          ...stamp,
        });
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await inChunks(engagements, 500, (chunk) => trx.insertInto('engagements').values(chunk).execute());
    await inChunks(participants, 1000, (chunk) => trx.insertInto('engagement_participants').values(chunk).execute());
    await inChunks(tasks, 500, (chunk) => trx.insertInto('tasks').values(chunk).execute());
    await inChunks(deployments, 500, (chunk) => trx.insertInto('deployments').values(chunk).execute());
    await inChunks(purposes, 1000, (chunk) => trx.insertInto('deployment_purposes').values(chunk).execute());
    await inChunks(rotations, 500, (chunk) => trx.insertInto('rotations').values(chunk).execute());
    await inChunks(assignments, 500, (chunk) => trx.insertInto('assignments').values(chunk).execute());
  });
  process.stdout.write(`  ${engagements.length} engagements, ${tasks.length} tasks, ${deployments.length} deployments, ${assignments.length} assignments\n`);
  return { office, staff };
}

interface Measured {
  what: string;
  ms: number;
  limit: string;
  limitMs: number;
  peakMiB: number;
  result: string;
}

const n = (value: number) => value.toLocaleString('en-US');

/** Plain SQL over the same tables: what the database alone takes to answer the report's figures. */
export function limits(db: Kysely<DB>) {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const trainedIn = sql`FROM enrollments e JOIN offerings o ON o.id = e.offering_id JOIN courses c ON c.id = o.course_id JOIN people p ON p.id = e.person_id
    WHERE e.status = 'completed' AND o.end_on >= ${from} AND o.end_on <= ${to}`;
  const queries = {
    trainedByCountryAndSex: sql`SELECT o.country, p.sex, count(DISTINCT e.person_id) AS people ${trainedIn} GROUP BY o.country, p.sex`,
    trainedTotal: sql`SELECT count(DISTINCT e.person_id) AS people ${trainedIn}`,
    trainedByTrackAndCountry: sql`SELECT c.track, o.country, count(DISTINCT e.person_id) AS people ${trainedIn} GROUP BY c.track, o.country`,
    trainedByTrack: sql`SELECT c.track, count(DISTINCT e.person_id) AS people ${trainedIn} GROUP BY c.track`,
    // The cascade is derived from every teaching edge of every year; the database's part is one pass over them.
    cascadeEdges: sql`SELECT count(*) AS n FROM enrollments e JOIN offering_instructors oi ON oi.offering_id = e.offering_id WHERE e.status = 'completed'`,
    instructorsHolding: sql`SELECT o.country, count(DISTINCT c.person_id) AS people FROM certifications c JOIN people p ON p.id = c.person_id JOIN organizations o ON o.id = p.organization_id
      WHERE c.issued_on <= ${to} AND (c.expires_on IS NULL OR c.expires_on >= ${to}) AND c.revoked_at IS NULL GROUP BY o.country`,
    certifiedByOrganization: sql`SELECT p.organization_id, count(*) AS n FROM certifications c JOIN people p ON p.id = c.person_id WHERE c.issued_on >= ${from} AND c.issued_on <= ${to} GROUP BY p.organization_id`,
    partnersByKindAndStage: sql`SELECT o.kind, p.stage, count(*) AS n FROM partnerships p JOIN organizations o ON o.id = p.organization_id GROUP BY o.kind, p.stage`,
    stageChanges: sql`SELECT partnership_id, to_stage, changed_on FROM partnership_stage_changes WHERE changed_on <= ${to}`,
    partnershipDetails: sql`SELECT (SELECT count(*) FROM partnership_tracks) + (SELECT count(*) FROM partnership_countries) + (SELECT count(*) FROM agreements) AS n`,
    deployments: sql`SELECT d.host_country, count(DISTINCT a.person_id) AS officers FROM deployments d LEFT JOIN assignments a ON a.deployment_id = d.id AND a.status IN ('deployed', 'returned')
      WHERE d.start_on <= ${to} AND d.end_on >= ${from} AND d.status <> 'cancelled' GROUP BY d.host_country`,
    offeringsByCountry: sql`SELECT o.country, count(*) AS n FROM offerings o WHERE o.start_on <= ${to} AND o.end_on >= ${from} AND o.status <> 'cancelled' GROUP BY o.country`,
    engagements: sql`SELECT e.id, e.title, o.name FROM engagements e JOIN organizations o ON o.id = e.organization_id WHERE e.occurred_on >= ${from} AND e.occurred_on <= ${to}`,
    years: sql`SELECT min(end_on) AS first, max(end_on) AS last FROM offerings`,
  };
  const run = (label: string, ...names: (keyof typeof queries)[]) => ({
    label,
    statements: names,
    async run() {
      for (const name of names) await queries[name].execute(db);
    },
  });
  return {
    queries,
    dashboard: run('dashboard SQL', 'trainedByCountryAndSex', 'trainedTotal', 'cascadeEdges', 'instructorsHolding', 'partnersByKindAndStage', 'stageChanges', 'deployments'),
    yearReport: run('year report SQL', 'trainedByCountryAndSex', 'cascadeEdges', 'instructorsHolding', 'partnersByKindAndStage', 'stageChanges', 'deployments', 'offeringsByCountry', 'engagements'),
    years: run('first and last offering SQL', 'years'),
    iati: run('IATI SQL', 'trainedByTrackAndCountry', 'trainedByTrack', 'certifiedByOrganization', 'partnersByKindAndStage', 'stageChanges', 'partnershipDetails', 'deployments', 'offeringsByCountry'),
  };
}

type BenchDatabase = Pick<Awaited<ReturnType<typeof createTestDatabase>>, 'database' | 'target' | 'drop'> & { isEmpty: boolean };

/** A fresh database, or the one BENCH_DATABASE names, kept after the run. */
export async function benchDatabase(kept = process.env.BENCH_DATABASE): Promise<BenchDatabase> {
  if (!kept) return { ...(await createTestDatabase()), isEmpty: true };
  const target: DatabaseTarget = /^postgres(ql)?:/.test(kept) ? { engine: 'postgres', url: kept } : { engine: 'sqlite', file: kept };
  const database = openDatabase(target);
  await migrateToLatest(database);
  const any = await database.db.selectFrom('enrollments').select('id').limit(1).execute();
  return { database, target, isEmpty: any.length === 0, drop: () => database.close() };
}

async function databaseMiB(testDb: BenchDatabase): Promise<number> {
  if (testDb.target.engine === 'sqlite') {
    const file = testDb.target.file;
    const size = [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
    return Math.round(size / 1024 / 1024);
  }
  const row = await sql<{ size: string | number }>`SELECT pg_database_size(current_database()) AS size`.execute(testDb.database.db);
  return Math.round(Number(row.rows[0]?.size) / 1024 / 1024);
}

async function main() {
  const testDb = await benchDatabase();
  const db = testDb.database.db;
  const engine = testDb.database.engine;
  const memory = memoryProbe();
  memory.start();
  const loadStart = performance.now();
  if (testDb.isEmpty) {
    process.stdout.write(`Generating ${n(ENROLLMENTS)} enrollments, ${n(PEOPLE)} people, ${n(PARTNERS)} partners on ${engine}…\n`);
    await generate(db);
  } else process.stdout.write(`Measuring the program kept in ${process.env.BENCH_DATABASE} on ${engine}…\n`);
  // Measure a settled database, as it stands once the load is behind it: PostgreSQL with its
  // statistics and visibility map, SQLite with its write-ahead log copied back into the file.
  if (engine === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
  else await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  const loadSeconds = Math.round((performance.now() - loadStart) / 1000);
  const loadPeak = memory.peak();
  const sizeMiB = await databaseMiB(testDb);
  process.stdout.write(`Loaded in ${loadSeconds} s (peak RSS ${loadPeak} MiB); the database holds ${sizeMiB} MiB.\n`);

  const config = loadConfig({ LOG_LEVEL: 'silent', CADRE_DATA_DIR: '/nonexistent' });
  const { app, services } = await createApp({ config, database: testDb.database, secretKey: 'bench-secret-bench-secret-bench-secret-000', webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`;
  const ctx = systemContext('bench');
  const { user } = await services.users.create(ctx, { email: 'bench@example.test', name: 'Bench', role: 'viewer', password: 'a bench passphrase' });
  const { secret } = await services.tokens.create({ ...ctx, actor: { ...ctx.actor, id: user.id, role: 'viewer' } }, { name: 'bench' });
  // A fresh connection for each request: a kept-alive one can be closed by the server while the
  // service measurements between two requests run longer than its keep-alive timeout.
  const get = (path: string) =>
    new Promise<Buffer>((resolve, reject) => {
      http
        .get(`${base}${path}`, { agent: false, headers: { authorization: `Bearer ${secret}` } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const body = Buffer.concat(chunks);
            if (response.statusCode === 200) resolve(body);
            else reject(new Error(`GET ${path}: ${response.statusCode} ${body.toString('utf8').slice(0, 200)}`));
          });
        })
        .on('error', reject);
    });
  const limit = limits(db);

  /** Median of RUNS runs, and the peak memory over them. */
  async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; peakMiB: number; value: T }> {
    const times: number[] = [];
    let value: T | undefined;
    memory.start();
    for (let i = 0; i < RUNS; i += 1) {
      const start = performance.now();
      value = await run();
      times.push(performance.now() - start);
    }
    const peakMiB = memory.peak();
    times.sort((a, b) => a - b);
    return { ms: Math.round(times[Math.floor(times.length / 2)] as number), peakMiB, value: value as T };
  }
  const results: Measured[] = [];
  async function measure<T>(what: string, run: () => Promise<T>, against: { label: string; run: () => Promise<void> }, describe: (value: T) => string): Promise<T> {
    const service = await timed(run);
    const plain = await timed(against.run);
    results.push({ what, ms: service.ms, limit: against.label, limitMs: plain.ms, peakMiB: service.peakMiB, result: describe(service.value) });
    process.stdout.write(`  ${what}: ${service.ms} ms (plain SQL ${plain.ms} ms)\n`);
    return service.value;
  }
  const bytes = (body: string | Buffer) => `${n(Buffer.byteLength(body))} bytes`;
  const pages = (body: string | Buffer) => ((Buffer.isBuffer(body) ? body : Buffer.from(body)).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

  // The cascade's part is measured on its own below; these are every other figure, with the
  // cascade answered at once (what the dashboard costs once its cascade is kept up to date).
  const [answered, answeredTotals] = await Promise.all([services.cascade.program(ctx, { year: YEAR }), services.cascade.totals(ctx, { year: YEAR })]);
  const noCascade = { program: async () => answered, totals: async () => answeredTotals };
  const figuresOnly = createDashboardService({ db, clock: systemClock, cascade: noCascade });
  const partner = await db.selectFrom('people').select('organization_id').groupBy('organization_id').orderBy(sql`count(*)`, 'desc').executeTakeFirstOrThrow();
  await measure(`dashboard years (service)`, () => figuresOnly.years(ctx), limit.years, (years) => `${years.length} years`);
  for (const [label, query] of [
    ['year', { year: YEAR }],
    ['year, track policing', { year: YEAR, track: 'policing' as const }],
    ['year, country SV', { year: YEAR, country: 'SV' }],
    ['year, largest partner', { year: YEAR, organizationId: partner.organization_id }],
    ['year, track corrections, country SV, largest partner', { year: YEAR, track: 'corrections' as const, country: 'SV', organizationId: partner.organization_id }],
  ] as const) {
    await measure(`dashboard without the cascade, ${label} (service)`, () => figuresOnly.dashboard(ctx, query), limit.dashboard, (d) => `${n(d.trained.total)} trained, ${n(d.partners.total)} partners`);
  }
  const reportsOnly = createReportsService({ db, clock: systemClock, audit: Object.assign(async () => undefined, { many: async () => undefined }), cascade: noCascade, iatiReportingRef: 'XM-DAC-BENCH' });
  await measure(`year report ${YEAR}, PDF without the cascade (service)`, () => reportsOnly.yearReport(ctx, YEAR, 'pdf'), limit.yearReport, (doc) => `${bytes(doc.body)}, ${n(pages(doc.body))} pages`);

  const dashboard = await measure(
    `dashboard, year ${YEAR} (service)`,
    () => services.dashboard.dashboard(ctx, { year: YEAR }),
    limit.dashboard,
    (d) => `${d.trained.byCountry.length} countries, ${n(d.trained.total)} trained, ${n(d.partners.total)} partners, multiplier ${d.cascade.multiplier}`,
  );
  await measure(`dashboard, year ${YEAR} (GET /api/reports/dashboard)`, () => get(`/reports/dashboard?year=${YEAR}`), limit.dashboard, bytes);
  await measure(`dashboard, year ${YEAR}, country SV (service)`, () => services.dashboard.dashboard(ctx, { year: YEAR, country: 'SV' }), limit.dashboard, (d) => `${n(d.trained.total)} trained`);
  await measure(
    `year report ${YEAR}, JSON (service)`,
    () => services.reports.yearReport(ctx, YEAR, 'json'),
    limit.yearReport,
    (doc) => {
      const report = JSON.parse(String(doc.body)) as { partners: unknown[]; engagements: unknown[]; nextYear: { offerings: unknown[] } };
      return `${bytes(doc.body)}; ${n(report.partners.length)} partners, ${n(report.engagements.length)} engagements, ${n(report.nextYear.offerings.length)} next-year offerings`;
    },
  );
  await measure(`year report ${YEAR}, JSON (GET /api/reports/year)`, () => get(`/reports/year/${YEAR}?format=json`), limit.yearReport, bytes);
  await measure(`year report ${YEAR}, HTML (GET /api/reports/year)`, () => get(`/reports/year/${YEAR}?format=html`), limit.yearReport, bytes);
  await measure(`year report ${YEAR}, PDF (service)`, () => services.reports.yearReport(ctx, YEAR, 'pdf'), limit.yearReport, (doc) => `${bytes(doc.body)}, ${n(pages(doc.body))} pages`);
  await measure(`year report ${YEAR}, PDF (GET /api/reports/year)`, () => get(`/reports/year/${YEAR}?format=pdf`), limit.yearReport, (body) => `${bytes(body)}, ${n(pages(body))} pages`);
  await measure(`IATI ${YEAR} (service)`, () => services.reports.iati(ctx, YEAR), limit.iati, (doc) => `${bytes(doc.body)}, ${n((String(doc.body).match(/<iati-activity[\s>]/g) ?? []).length)} activities`);
  await measure(`IATI ${YEAR} (GET /api/reports/iati)`, () => get(`/reports/iati?year=${YEAR}`), limit.iati, bytes);

  // Where the dashboard's and the year report's time goes: the cascade, derived from every edge.
  const cascade = await timed(() => services.cascade.program(ctx, { year: YEAR }));
  const edges = await timed(() => limit.queries.cascadeEdges.execute(db));
  results.push({ what: `of which the cascade (cascade.program, every edge of every year)`, ms: cascade.ms, limit: 'cascadeEdges SQL', limitMs: edges.ms, peakMiB: cascade.peakMiB, result: `${n(cascade.value.totalTrained)} trained` });

  // A fast wrong answer is no answer: the dashboard's figures must be the database's.
  const bySex = await limit.queries.trainedByCountryAndSex.execute(db);
  const expected = new Map<string, { female: number; male: number; total: number }>();
  for (const row of bySex.rows as { country: string; sex: string | null; people: number | string }[]) {
    const e = expected.get(row.country) ?? { female: 0, male: 0, total: 0 };
    if (row.sex === 'female') e.female += Number(row.people);
    else if (row.sex === 'male') e.male += Number(row.people);
    e.total += Number(row.people);
    expected.set(row.country, e);
  }
  const mismatches = dashboard.trained.byCountry.filter((c) => {
    const e = expected.get(c.country);
    return !e || e.female !== c.female || e.male !== c.male || e.total !== c.total;
  });
  if (mismatches.length > 0 || expected.size !== dashboard.trained.byCountry.length) throw new Error(`The dashboard disagrees with the SQL GROUP BY: ${JSON.stringify(mismatches.slice(0, 3))}`);

  const maxRss = Math.max(loadPeak, ...results.map((r) => r.peakMiB));
  process.stdout.write(
    `\nEngine: ${engine}; ${n(ENROLLMENTS)} enrollments, ${n(PEOPLE)} people, ${n(PARTNERS)} partners; database ${sizeMiB} MiB; generated in ${loadSeconds} s; peak RSS ${maxRss} MiB (${memory.method}).\n\n`,
  );
  process.stdout.write(`| measured | ms (median of ${RUNS}) | limit: plain SQL | limit ms | ratio | peak RSS MiB | result |\n| --- | --- | --- | --- | --- | --- | --- |\n`);
  for (const r of results) {
    process.stdout.write(`| ${r.what} | ${r.ms} | ${r.limit} | ${r.limitMs} | ${(r.ms / Math.max(1, r.limitMs)).toFixed(1)}× | ${r.peakMiB} | ${r.result.replace(/\|/g, '\\|')} |\n`);
  }
  process.stdout.write(`\nThe limits run in sequence: ${[limit.dashboard, limit.yearReport, limit.iati].map((l) => `${l.label}: ${l.statements.join(', ')}`).join('; ')}.\n`);
  await app.close();
  await testDb.drop();
}

// Run as a script; imported (by the one bench entry), it only lends its helpers.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
