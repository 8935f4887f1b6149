import { type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { readinessBounds } from './readiness.js';

type Bounds = ReturnType<typeof readinessBounds>;

/** The person the roster's conditions are about. */
const PERSON = sql.ref('people.id');

/** A passport valid to the bounds' date, of `person`. */
const passportValid = (bounds: Bounds, person: RawBuilder<unknown>) =>
  sql<boolean>`EXISTS (SELECT 1 FROM person_readiness r WHERE r.person_id = ${person} AND r.item = 'passport' AND r.expires_on >= ${bounds.passportFrom})`;
/** Pre-deployment training done by the bounds' date, by `person`. */
const trainingDone = (bounds: Bounds, person: RawBuilder<unknown>) =>
  sql<boolean>`EXISTS (SELECT 1 FROM person_readiness r WHERE r.person_id = ${person} AND r.item = 'predeployment_training' AND r.completed_on <= ${bounds.trainingBy})`;
/** A medical clearance of the bounds' window, on a `person_readiness` row of that item. */
const medicalInWindow = (bounds: Bounds, row: string) => sql<boolean>`${sql.ref(`${row}.completed_on`)} >= ${bounds.medicalFrom} AND ${sql.ref(`${row}.completed_on`)} <= ${bounds.medicalTo}`;

/** SQL for "no readiness blocker at these bounds", the badge's rule in the database's terms. */
export function readyAt(bounds: Bounds) {
  return sql<boolean>`(
    ${passportValid(bounds, PERSON)}
    AND EXISTS (SELECT 1 FROM person_readiness m WHERE m.person_id = ${PERSON} AND m.item = 'medical_clearance' AND ${medicalInWindow(bounds, 'm')})
    AND ${trainingDone(bounds, PERSON)}
  )`;
}

/**
 * SQL for "of this track": the person's agency has a partnership in it, or they completed or
 * taught a course of it (their experience by track, kept by track-experience.repository.ts).
 */
export function inTrack(track: DB['courses']['track']) {
  return sql<boolean>`(
    EXISTS (SELECT 1 FROM partnerships p JOIN partnership_tracks pt ON pt.partnership_id = p.id
            WHERE p.organization_id = people.organization_id AND pt.track = ${track})
    OR EXISTS (SELECT 1 FROM track_experience x WHERE x.person_id = people.id AND x.track = ${track})
  )`;
}

/** What a deployment asks of its candidates, in the terms the bound below reads. */
export interface CandidateRanking {
  /** The deployment's track: its people rank first. */
  track: DB['courses']['track'];
  hostCountry: string;
  languages: readonly { language: string; minSpeaking: number }[];
  specialties: readonly string[];
  /** Readiness on the rotation's dates; a high-threat post also needs security training covering them. */
  readiness: Bounds;
  isHighThreat: boolean;
  period: { start: string; end: string };
  weights: { language: number; heritage: number; specialty: number; availability: number; readiness: number };
}

/** The candidate finder's hard filters beyond the pool's own. */
export interface CandidateFilter {
  /** The host agency's people are not candidates for its own deployment. */
  notOfOrganization: string | null;
  /** People already on the deployment. */
  notIds: readonly string[];
  /** Only the ready for the rotation's dates. */
  isReady: boolean;
}

const tenthsOf = (points: number) => Math.round(points * 10);
/** Tenths of a point, an integer literal: the bound adds and divides integers alone, the same on both engines. */
const tenths = (points: number) => sql.lit(tenthsOf(points));

/** A high-threat post's security training, covering the deployment's dates, of `person`. */
const securityCovers = (ranking: CandidateRanking, person: RawBuilder<unknown>) =>
  sql<boolean>`EXISTS (SELECT 1 FROM person_readiness r WHERE r.person_id = ${person} AND r.item = 'security_training'
    AND r.completed_on <= ${ranking.period.start} AND (r.expires_on IS NULL OR r.expires_on >= ${ranking.period.end}))`;

/** SQL for "no readiness blocker for this deployment's dates", deploymentBlockers' rule in the database's terms. */
export function readyFor(ranking: CandidateRanking) {
  if (!ranking.isHighThreat) return readyAt(ranking.readiness);
  return sql<boolean>`(${readyAt(ranking.readiness)} AND ${securityCovers(ranking, PERSON)})`;
}

/**
 * The people ready for the deployment's dates, as a set: found from their medical clearances of
 * the window (recent ones only, so the fewest rows, through `person_readiness_completed`), then
 * checked for the rest, as `readyFor` checks one person.
 */
function readyPeople(ranking: CandidateRanking) {
  const person = sql.ref('rm.person_id');
  return sql`FROM person_readiness rm WHERE rm.item = 'medical_clearance' AND ${medicalInWindow(ranking.readiness, 'rm')}
    AND ${trainingDone(ranking.readiness, person)} AND ${passportValid(ranking.readiness, person)}${ranking.isHighThreat ? sql` AND ${securityCovers(ranking, person)}` : sql``}`;
}

/**
 * The bound's language and specialty parts as each row of `person_languages pl` and
 * `person_specialties ps` counts in them: null when nothing is asked (everyone scores that
 * part in full). One language asked twice at two levels counts at the lower one, as the best of
 * the two would; a specialty asked twice counts twice, as the scoring's filter over the list asked does.
 */
function partsAsked(ranking: CandidateRanking) {
  const minimum = new Map<string, number>();
  for (const l of ranking.languages) minimum.set(l.language, Math.min(l.minSpeaking, minimum.get(l.language) ?? Infinity));
  const full = tenths(ranking.weights.language);
  const language =
    minimum.size === 0
      ? null
      : {
          codes: [...minimum.keys()],
          points: sql<number>`CASE ${sql.join(
            [...minimum].map(([code, min]) =>
              min <= 0
                ? sql`WHEN pl.language = ${code} THEN ${full}`
                : sql`WHEN pl.language = ${code} THEN (CASE WHEN pl.speaking IS NULL THEN 0 WHEN pl.speaking >= ${sql.lit(min)} THEN ${full}
                      ELSE (${full} * pl.speaking + ${sql.lit(min - 1)}) / ${sql.lit(min)} END)`,
            ),
            sql` `,
          )} ELSE 0 END`,
        };
  const asked = new Map<string, number>();
  for (const name of ranking.specialties) asked.set(name, (asked.get(name) ?? 0) + 1);
  const n = ranking.specialties.length;
  const specialty =
    asked.size === 0
      ? null
      : {
          names: [...asked.keys()],
          matched: sql<number>`CASE ${sql.join([...asked].map(([name, times]) => sql`WHEN ps.specialty = ${name} THEN ${sql.lit(times)}`), sql` `)} ELSE 0 END`,
          /** The part in tenths from the number of specialties matched. */
          of: (matched: RawBuilder<number>) => sql<number>`((${tenths(ranking.weights.specialty)} * ${matched} + ${sql.lit(n - 1)}) / ${sql.lit(n)})`,
        };
  return { language, specialty };
}

/**
 * An upper bound of a person's score less its track part (the ranking's first key), in tenths,
 * never below the one the scoring in TypeScript gives and equal to it but for availability: each
 * part as that scoring counts it, a fraction
 * rounded up (integer division, so the bound is exact on both engines), and availability always
 * counted. Over a whole roster, each part is read from its own table once, as a set, to be
 * joined: `constant` is what everyone scores alike (availability, and a language or specialty
 * part nobody is asked); `language` the language part by person, when one is asked (a row per
 * speaker: most people, so joined on its own); `points` the sparser parts summed, a row per
 * person who scores any. The bound is `constant + COALESCE(language, 0) + COALESCE(points, 0)`.
 */
export function candidatePoints(ranking: CandidateRanking) {
  const w = ranking.weights;
  const { language, specialty } = partsAsked(ranking);
  const parts = [
    sql`SELECT ph.person_id, ${tenths(w.heritage)} AS points FROM person_heritage_countries ph WHERE ph.country = ${ranking.hostCountry}`,
    sql`SELECT rm.person_id, ${tenths(w.readiness)} AS points ${readyPeople(ranking)}`,
  ];
  if (specialty) parts.push(sql`SELECT ps.person_id, ${specialty.of(sql`SUM(${specialty.matched})`)} AS points FROM person_specialties ps WHERE ps.specialty IN (${sql.join(specialty.names)}) GROUP BY ps.person_id`);
  type ByPerson = RawBuilder<{ person_id: string; points: number }>;
  const constant = tenthsOf(w.availability) + (language ? 0 : tenthsOf(w.language)) + (specialty ? 0 : tenthsOf(w.specialty));
  return {
    constant,
    /** The most anyone without a row in `points` can be bound to: the constant and the language part in full. */
    withoutPoints: constant + (language ? tenthsOf(w.language) : 0),
    /** The language part of the person `people.id`, for a few people: a probe each. */
    languageOf: language
      ? sql<number>`COALESCE((SELECT MAX(${language.points}) FROM person_languages pl WHERE pl.person_id = people.id AND pl.language IN (${sql.join(language.codes)})), 0)`
      : sql.lit(0),
    // One language: one row a person already (the key is person and language), nothing to group.
    language: !language
      ? null
      : language.codes.length === 1
        ? (sql`(SELECT pl.person_id, ${language.points} AS points FROM person_languages pl WHERE pl.language = ${language.codes[0]})` as ByPerson)
        : (sql`(SELECT pl.person_id, MAX(${language.points}) AS points FROM person_languages pl WHERE pl.language IN (${sql.join(language.codes)}) GROUP BY pl.person_id)` as ByPerson),
    points: sql`(SELECT parts.person_id, SUM(parts.points) AS points FROM (${sql.join(parts, sql` UNION ALL `)}) AS parts GROUP BY parts.person_id)` as ByPerson,
  };
}

/** "Of this track" as sets over a whole roster (inTrack is one person's): the agencies with a partnership in it, and the people who completed or taught a course of it. */
export function trackMembers(track: DB['courses']['track']) {
  return {
    agencies: sql<{ organization_id: string }>`(SELECT DISTINCT p.organization_id FROM partnerships p JOIN partnership_tracks pt ON pt.partnership_id = p.id WHERE pt.track = ${track})`,
    people: sql<{ person_id: string }>`(SELECT DISTINCT x.person_id FROM track_experience x WHERE x.track = ${track})`,
  };
}
