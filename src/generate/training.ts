import { expiryOf } from '../modules/training/training.rules.js';
import { writersFor } from './bulk.js';
import type { Catalog, Course } from './catalog.js';
import type { Organizations } from './organizations.js';
import type { People } from './people.js';
import { type GenerationContext, instantOf, plusDays } from './reference.js';

export interface TrainingCounts {
  offerings: number;
  enrollments: number;
  certifications: number;
}

interface Planned {
  week: number;
  /** The instructors' generation; the trainees are of the next. */
  generation: number;
  course: Course;
}

/** The share of closed rosters ending each way. */
const OUTCOMES: [string, number][] = [
  ['completed', 86],
  ['failed', 4],
  ['withdrawn', 5],
  ['no_show', 5],
];

/**
 * Offerings over the program's years, week by week: instructors of generation g teach trainees of
 * generation g + 1 (a few teach their own instructor back, the cascade's cycles). Each offering
 * runs inside one week, and nobody sits in, or teaches, two offerings of the same week, so no
 * person's calendar overlaps; rosters fit the capacity; completions of a credential's course are
 * certified on the last day, for the credential's validity, as closing the offering does.
 */
export async function generateTraining(ctx: GenerationContext, orgs: Organizations, people: People, catalog: Catalog): Promise<TrainingCounts> {
  const { db, engine, rnd, id, sizes } = ctx;
  const generations = people.byGeneration.length;
  const totalWeeks = sizes.years * 52;
  // The first Monday of the program's first year.
  let firstMonday = `${ctx.firstYear}-01-01`;
  while (new Date(`${firstMonday}T00:00:00Z`).getUTCDay() !== 1) firstMonday = plusDays(firstMonday, 1);

  // Each generation of instructors teaches as many offerings as its trainees need, starting later the deeper it is.
  const trainees = people.byGeneration.slice(1).reduce((sum, pool) => sum + pool.length, 0);
  const certifyingShare = Math.min(0.9, sizes.certifications / (sizes.enrollments * 0.86));
  const planned: Planned[] = [];
  for (let g = 0; g < generations - 1; g++) {
    const count = Math.max(1, Math.round((sizes.offerings * (people.byGeneration[g + 1] as number[]).length) / trainees));
    const firstWeek = Math.floor(((g / (generations - 1)) * 0.6) * totalWeeks);
    for (let k = 0; k < count; k++) {
      const course = rnd.chance(certifyingShare) ? rnd.pick(catalog.granting) : rnd.pick(catalog.plain);
      planned.push({ week: rnd.int(firstWeek, totalWeeks - 1), generation: g, course });
    }
  }
  planned.sort((a, b) => a.week - b.week || a.generation - b.generation);

  const expected = planned.length * 2 + sizes.enrollments + sizes.certifications;
  const w = writersFor(db, engine, 'training', expected, ctx.progress);
  const offerings = w.writer('offerings', ['id', 'course_id', 'course_version_id', 'start_on', 'end_on', 'country', 'city', 'host_organization_id', 'delivering_organization_id', 'capacity', 'is_us_funded', 'is_refresher', 'status', 'closed_at', 'cancel_reason', 'notes', 'created_at', 'updated_at']);
  const instructors = w.writer('offering_instructors', ['offering_id', 'person_id', 'role']);
  const enrollments = w.writer('enrollments', ['id', 'offering_id', 'person_id', 'status', 'attendance_percent', 'score', 'outcome', 'created_at', 'updated_at']);
  const certifications = w.writer('certifications', ['id', 'person_id', 'credential_id', 'offering_id', 'issued_on', 'expires_on', 'renews_id', 'revoked_at', 'revoked_reason', 'created_at', 'updated_at']);

  // busy[p] = week + 1 when person p sits in or teaches an offering that week.
  const busy = new Int32Array(people.ids.length);
  // The lead instructor of each person's first completed offering, for the cycles (-1: none yet).
  const trainedBy = new Int32Array(people.ids.length).fill(-1);
  const mean = sizes.enrollments / Math.max(1, planned.length);

  const free = (pool: number[], week: number, wanted: number): number[] => {
    const chosen: number[] = [];
    if (pool.length === 0) return chosen;
    if (pool.length >= wanted * 4) {
      for (let tries = 0; chosen.length < wanted && tries < wanted * 8; tries++) {
        const p = pool[rnd.int(0, pool.length - 1)] as number;
        if (busy[p] !== week + 1) {
          busy[p] = week + 1;
          chosen.push(p);
        }
      }
      return chosen;
    }
    const start = rnd.int(0, pool.length - 1);
    for (let k = 0; k < pool.length && chosen.length < wanted; k++) {
      const p = pool[(start + k) % pool.length] as number;
      if (busy[p] !== week + 1 && rnd.chance(0.7)) {
        busy[p] = week + 1;
        chosen.push(p);
      }
    }
    return chosen;
  };

  const notAfterToday = (day: string) => instantOf(day > ctx.today ? ctx.today : day);
  for (const plan of planned) {
    const { week, generation: g, course } = plan;
    const monday = plusDays(firstMonday, week * 7);
    const startOn = plusDays(monday, rnd.int(0, 2));
    const endOn = plusDays(startOn, rnd.int(0, 2));
    const offeringId = id();
    const host = orgs.partners[rnd.int(0, orgs.partners.length - 1)]!;
    const isCancelled = rnd.chance(0.01);
    const isPast = endOn < ctx.today;
    const status = isCancelled ? 'cancelled' : isPast ? 'closed' : 'scheduled';
    const created = instantOf(plusDays(startOn, -60));

    const teachers = free(people.byGeneration[g] as number[], week, rnd.chance(0.5) ? 2 : 1);
    if (teachers.length === 0) teachers.push(rnd.pick(people.byGeneration[g] as number[]));
    let roster: number[] = [];
    if (!isCancelled) {
      roster = free(people.byGeneration[g + 1] as number[], week, rnd.int(Math.round(mean * 0.6), Math.round(mean * 1.4)));
      const trainer = trainedBy[teachers[0] as number] as number;
      if (rnd.chance(0.01) && trainer >= 0 && busy[trainer] !== week + 1) {
        busy[trainer] = week + 1;
        roster.push(trainer);
      }
    }
    const outcomes = roster.map(() => (isPast ? rnd.weighted(OUTCOMES) : 'enrolled'));
    const seated = outcomes.filter((o) => o === 'enrolled' || o === 'completed' || o === 'failed').length;
    const capacity = Math.max(10, seated + rnd.int(0, 6));
    await offerings.add([offeringId, course.id, course.versionId, startOn, endOn, host.country, host.city, host.id, orgs.programOfficeId, capacity, rnd.chance(0.7) ? 1 : 0, 0, status, status === 'closed' ? notAfterToday(plusDays(endOn, rnd.int(1, 5))) : null, isCancelled ? 'The host agency postponed the course.' : null, null, created, created]);
    for (const [k, t] of teachers.entries()) await instructors.add([offeringId, people.ids[t] as string, k === 0 ? 'lead' : 'co']);

    const credential = course.grants;
    for (const [k, p] of roster.entries()) {
      const outcome = outcomes[k] as string;
      const personId = people.ids[p] as string;
      const results =
        outcome === 'completed'
          ? [rnd.int(credential?.minAttendance ?? 80, 100), credential ? rnd.int(credential.passMark, 100) : null]
          : outcome === 'failed'
            ? [rnd.int(50, 100), rnd.int(30, (credential?.passMark ?? 70) - 1)]
            : [null, null];
      const updated = isPast ? instantOf(endOn) : created;
      await enrollments.add([id(), offeringId, personId, outcome, results[0] as number | null, results[1] as number | null, null, created, updated]);
      if (outcome === 'completed') {
        if (trainedBy[p] === -1) trainedBy[p] = teachers[0] as number;
        if (credential) {
          const revoked = rnd.chance(0.005);
          await certifications.add([id(), personId, credential.id, offeringId, endOn, expiryOf(endOn, credential.validityMonths), null, revoked ? notAfterToday(plusDays(endOn, 200)) : null, revoked ? 'Issued in error.' : null, instantOf(endOn), instantOf(endOn)]);
        }
      }
    }
    w.tick();
  }
  await w.finish();
  return { offerings: offerings.written, enrollments: enrollments.written, certifications: certifications.written };
}
