import { overlaps } from '../../platform/dates.js';
import { ilrFromNumber } from '../people/people.schemas.js';
import type { PersonProfile } from '../people/people.service.js';
import { deploymentBlockers, type Period } from '../people/readiness.js';
import type { Candidate } from './deployments.schemas.js';

export const WEIGHTS = { language: 40, heritage: 10, specialty: 10, availability: 20, readiness: 10, track: 10 } as const;

export interface CandidateNeeds {
  hostCountry: string;
  requiredLanguages: { language: string; minSpeaking: number }[];
  specialties: string[];
  isHighThreat: boolean;
  /** The deployment's track: its people (by agency partnership or training) rank first. */
  track: string;
  period: Period;
  languageNames: (code: string) => string;
}

export interface Commitment {
  title: string;
  start: string;
  end: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

type Component = Candidate['components'][number];

/**
 * The language part: the best of the required languages against its minimum. A level not known
 * meets no minimum above 0: it earns no points and the detail says so ("Spanish: level unknown,
 * needs 2+"), so the person can be asked rather than passed over or counted in.
 */
function languageComponent(person: PersonProfile, needs: CandidateNeeds): { component: Component; levelsUnknown: string[] } {
  const max = WEIGHTS.language;
  if (needs.requiredLanguages.length === 0) return { component: { factor: 'language', points: max, max, detail: 'no language is required' }, levelsUnknown: [] };
  const outcomes: { points: number; detail: string; isUnknown: boolean }[] = [];
  for (const required of needs.requiredLanguages) {
    const skill = person.languages.find((l) => l.language === required.language);
    if (!skill) continue;
    const name = needs.languageNames(required.language);
    const asked = ilrFromNumber(required.minSpeaking);
    if (skill.speaking === null) {
      outcomes.push(
        required.minSpeaking === 0
          ? { points: max, detail: `${name}: level unknown (any level is asked)`, isUnknown: true }
          : { points: 0, detail: `${name}: level unknown, needs ${asked} (not counted until a level is recorded)`, isUnknown: true },
      );
      continue;
    }
    const share = required.minSpeaking === 0 ? 1 : Math.min(1, skill.speaking / required.minSpeaking);
    outcomes.push({ points: round(max * share), detail: `${name} speaking ${ilrFromNumber(skill.speaking)} (${share >= 1 ? 'meets' : 'below'} the ${asked} asked)`, isUnknown: false });
  }
  const levelsUnknown = needs.requiredLanguages.filter((r) => person.languages.some((l) => l.language === r.language && l.speaking === null)).map((r) => r.language);
  if (outcomes.length === 0) {
    return { component: { factor: 'language', points: 0, max, detail: `speaks none of ${needs.requiredLanguages.map((l) => needs.languageNames(l.language)).join(', ')}` }, levelsUnknown };
  }
  // The highest points; on a tie a known level before an unknown one, then the order asked.
  const best = outcomes.reduce((a, b) => (b.points > a.points || (b.points === a.points && a.isUnknown && !b.isUnknown) ? b : a));
  // Short of full points, the languages whose level is not known are named too: a level recorded may change the score.
  const details = best.points < max ? [best, ...outcomes.filter((o) => o !== best && o.isUnknown)] : [best];
  return { component: { factor: 'language', points: best.points, max, detail: details.map((o) => o.detail).join('; ') }, levelsUnknown };
}

/**
 * Scores one person for a deployment, each part explained: the best of the required languages
 * against its level, heritage in the host country, the specialties asked for, free dates, and
 * readiness on the start date.
 */
export function scoreCandidate(person: PersonProfile, needs: CandidateNeeds, commitments: readonly Commitment[], isInTrack = false): Candidate {
  const components: Candidate['components'] = [];
  const language = languageComponent(person, needs);
  components.push(language.component);

  const hasHeritage = person.heritageCountries.includes(needs.hostCountry);
  components.push({
    factor: 'heritage',
    points: hasHeritage ? WEIGHTS.heritage : 0,
    max: WEIGHTS.heritage,
    detail: hasHeritage ? `heritage in ${needs.hostCountry}` : `no heritage in ${needs.hostCountry}`,
  });

  if (needs.specialties.length === 0) {
    components.push({ factor: 'specialty', points: WEIGHTS.specialty, max: WEIGHTS.specialty, detail: 'no specialty is asked for' });
  } else {
    const matched = needs.specialties.filter((s) => person.specialties.includes(s));
    components.push({
      factor: 'specialty',
      points: round((WEIGHTS.specialty * matched.length) / needs.specialties.length),
      max: WEIGHTS.specialty,
      detail: matched.length ? `has ${matched.join(', ')} of ${needs.specialties.join(', ')}` : `has none of ${needs.specialties.join(', ')}`,
    });
  }

  const clash = commitments.find((c) => overlaps(c, needs.period));
  components.push({
    factor: 'availability',
    points: clash ? 0 : WEIGHTS.availability,
    max: WEIGHTS.availability,
    detail: clash ? `assigned to ${clash.title} from ${clash.start} to ${clash.end}` : `free from ${needs.period.start} to ${needs.period.end}`,
  });

  const blockers = deploymentBlockers(person.readiness, needs.period, { isHighThreat: needs.isHighThreat });
  components.push({
    factor: 'readiness',
    points: blockers.length ? 0 : WEIGHTS.readiness,
    max: WEIGHTS.readiness,
    detail: blockers.length ? blockers.map((b) => b.detail).join('; ') : `ready on ${needs.period.start}`,
  });

  components.push({
    factor: 'track',
    points: isInTrack ? WEIGHTS.track : 0,
    max: WEIGHTS.track,
    detail: isInTrack ? `works in ${needs.track} (agency partnership or training)` : `nothing on record in ${needs.track}`,
  });

  return {
    person: { id: person.id, name: person.name, organizationId: person.organizationId, organizationName: person.organizationName },
    score: round(components.reduce((sum, c) => sum + c.points, 0)),
    components,
    isAvailable: !clash,
    isReady: blockers.length === 0,
    isInTrack,
    languageLevelsUnknown: language.levelsUnknown,
  };
}

/** The deployment's own track first, then best first; equal scores by name, so the order is stable. */
export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => Number(b.isInTrack) - Number(a.isInTrack) || b.score - a.score || a.person.name.localeCompare(b.person.name));
}
