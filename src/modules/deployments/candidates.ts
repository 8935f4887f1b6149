import { overlaps } from '../../platform/dates.js';
import { ilrFromNumber } from '../people/people.schemas.js';
import type { PersonProfile } from '../people/people.service.js';
import { deploymentBlockers, type Period } from '../people/readiness.js';
import type { Candidate } from './deployments.schemas.js';

export const WEIGHTS = { language: 40, heritage: 15, specialty: 15, availability: 20, readiness: 10 } as const;

export interface CandidateNeeds {
  hostCountry: string;
  requiredLanguages: { language: string; minSpeaking: number }[];
  specialties: string[];
  isHighThreat: boolean;
  period: Period;
  languageNames: (code: string) => string;
}

export interface Commitment {
  title: string;
  start: string;
  end: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Scores one person for a deployment, each part explained: the best of the required languages
 * against its level, heritage in the host country, the specialties asked for, free dates, and
 * readiness on the start date.
 */
export function scoreCandidate(person: PersonProfile, needs: CandidateNeeds, commitments: readonly Commitment[]): Candidate {
  const components: Candidate['components'] = [];

  if (needs.requiredLanguages.length === 0) {
    components.push({ factor: 'language', points: WEIGHTS.language, max: WEIGHTS.language, detail: 'no language is required' });
  } else {
    let best = { points: 0, detail: `speaks none of ${needs.requiredLanguages.map((l) => needs.languageNames(l.language)).join(', ')}` };
    for (const required of needs.requiredLanguages) {
      const skill = person.languages.find((l) => l.language === required.language);
      if (!skill) continue;
      const share = required.minSpeaking === 0 ? 1 : Math.min(1, skill.speaking / required.minSpeaking);
      const points = round(WEIGHTS.language * share);
      if (points > best.points) {
        const verdict = share >= 1 ? 'meets' : 'below';
        best = {
          points,
          detail: `${needs.languageNames(required.language)} speaking ${ilrFromNumber(skill.speaking)} (${verdict} the ${ilrFromNumber(required.minSpeaking)} asked)`,
        };
      }
    }
    components.push({ factor: 'language', points: best.points, max: WEIGHTS.language, detail: best.detail });
  }

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

  return {
    person: { id: person.id, name: person.name, organizationId: person.organizationId, organizationName: person.organizationName },
    score: round(components.reduce((sum, c) => sum + c.points, 0)),
    components,
    isAvailable: !clash,
    isReady: blockers.length === 0,
  };
}

/** Best first; equal scores by name, so the order is stable. */
export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name));
}
