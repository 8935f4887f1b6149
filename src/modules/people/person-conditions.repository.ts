import { type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { readinessBounds } from './readiness.js';

type Bounds = ReturnType<typeof readinessBounds>;

/** SQL for "no readiness blocker at these bounds", the badge's rule in the database's terms. */
export function readyAt(bounds: Bounds) {
  return sql<boolean>`(
    EXISTS (SELECT 1 FROM person_readiness r WHERE r.person_id = people.id AND r.item = 'passport' AND r.expires_on >= ${bounds.passportFrom})
    AND EXISTS (SELECT 1 FROM person_readiness r WHERE r.person_id = people.id AND r.item = 'medical_clearance'
                AND r.completed_on >= ${bounds.medicalFrom} AND r.completed_on <= ${bounds.medicalTo})
    AND EXISTS (SELECT 1 FROM person_readiness r WHERE r.person_id = people.id AND r.item = 'predeployment_training' AND r.completed_on <= ${bounds.trainingBy})
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

/** Tenths of a point, an integer literal: the bound adds and divides integers alone, the same on both engines. */
const tenths = (points: number) => sql.lit(Math.round(points * 10));

/** SQL for "no readiness blocker for this deployment's dates", deploymentBlockers' rule in the database's terms. */
export function readyFor(ranking: CandidateRanking) {
  if (!ranking.isHighThreat) return readyAt(ranking.readiness);
  return sql<boolean>`(${readyAt(ranking.readiness)}
    AND EXISTS (SELECT 1 FROM person_readiness r WHERE r.person_id = people.id AND r.item = 'security_training'
                AND r.completed_on <= ${ranking.period.start} AND (r.expires_on IS NULL OR r.expires_on >= ${ranking.period.end})))`;
}

/**
 * An upper bound of a person's score in tenths, never below the one the scoring in TypeScript gives
 * and equal to it but for availability: each part as that scoring counts it, a fraction rounded up
 * (integer division, so the bound is exact on both engines), and availability always counted.
 */
export function candidateBound(ranking: CandidateRanking): RawBuilder<number> {
  const w = ranking.weights;
  // One language asked twice at two levels counts at the lower one, as the best of the two would.
  const minimum = new Map<string, number>();
  for (const l of ranking.languages) minimum.set(l.language, Math.min(l.minSpeaking, minimum.get(l.language) ?? Infinity));
  const full = tenths(w.language);
  const languagePart =
    minimum.size === 0
      ? full
      : sql`COALESCE((SELECT MAX(CASE ${sql.join(
          [...minimum].map(([language, min]) =>
            min <= 0
              ? sql`WHEN pl.language = ${language} THEN ${full}`
              : sql`WHEN pl.language = ${language} THEN (CASE WHEN pl.speaking IS NULL THEN 0 WHEN pl.speaking >= ${sql.lit(min)} THEN ${full}
                      ELSE (${full} * pl.speaking + ${sql.lit(min - 1)}) / ${sql.lit(min)} END)`,
          ),
          sql` `,
        )} ELSE 0 END) FROM person_languages pl WHERE pl.person_id = people.id AND pl.language IN (${sql.join([...minimum.keys()])})), 0)`;
  const heritagePart = sql`(CASE WHEN EXISTS (SELECT 1 FROM person_heritage_countries ph WHERE ph.person_id = people.id AND ph.country = ${ranking.hostCountry})
    THEN ${tenths(w.heritage)} ELSE 0 END)`;
  // A specialty asked twice counts twice, as the scoring's filter over the list asked does.
  const asked = new Map<string, number>();
  for (const s of ranking.specialties) asked.set(s, (asked.get(s) ?? 0) + 1);
  const n = ranking.specialties.length;
  const specialtyPart =
    asked.size === 0
      ? tenths(w.specialty)
      : sql`((${tenths(w.specialty)} * COALESCE((SELECT SUM(CASE ${sql.join(
          [...asked].map(([specialty, times]) => sql`WHEN ps.specialty = ${specialty} THEN ${sql.lit(times)}`),
          sql` `,
        )} ELSE 0 END) FROM person_specialties ps WHERE ps.person_id = people.id AND ps.specialty IN (${sql.join([...asked.keys()])})), 0) + ${sql.lit(n - 1)}) / ${sql.lit(n)})`;
  const readinessPart = sql`(CASE WHEN ${readyFor(ranking)} THEN ${tenths(w.readiness)} ELSE 0 END)`;
  return sql<number>`(${languagePart} + ${heritagePart} + ${specialtyPart} + ${readinessPart} + ${tenths(w.availability)})`;
}
