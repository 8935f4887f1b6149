import { overlaps } from '../../platform/dates.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import type { Track } from '../../platform/db/enums.js';
import { type Localizable, localize } from '../../platform/i18n/messages.js';
import { languageNameIn } from '../people/languages.js';
import { ilrFromNumber } from '../people/people.schemas.js';
import type { PersonProfile } from '../people/people.service.js';
import { deploymentBlockers, type Period } from '../people/readiness.js';
import { deploymentsText } from './deployments.messages.js';
import { joinTexts } from './deployments.rules.js';
import type { Candidate } from './deployments.schemas.js';

export const WEIGHTS = { language: 40, heritage: 10, specialty: 10, availability: 20, readiness: 10, track: 10 } as const;

export interface CandidateNeeds {
  hostCountry: string;
  requiredLanguages: { language: string; minSpeaking: number }[];
  specialties: string[];
  isHighThreat: boolean;
  /** The deployment's track: its people (by agency partnership or training) rank first. */
  track: Track;
  period: Period;
  /** The language the explanations are written in; English when left out. */
  locale?: Locale | undefined;
}

export interface Commitment {
  title: string;
  start: string;
  end: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

type Component = Omit<Candidate['components'][number], 'detail'> & { detail: Localizable };

/**
 * The language part: the best of the required languages against its minimum. A level not known
 * meets no minimum above 0: it earns no points and the detail says so ("Spanish: level unknown,
 * needs 2+"), so the person can be asked rather than passed over or counted in.
 */
function languageComponent(person: PersonProfile, needs: CandidateNeeds): { component: Component; levelsUnknown: string[] } {
  const max = WEIGHTS.language;
  if (needs.requiredLanguages.length === 0) return { component: { factor: 'language', points: max, max, detail: deploymentsText('candidate.noLanguageRequired') }, levelsUnknown: [] };
  const locale = needs.locale ?? DEFAULT_LOCALE;
  const outcomes: { points: number; detail: Localizable; isUnknown: boolean }[] = [];
  for (const required of needs.requiredLanguages) {
    const skill = person.languages.find((l) => l.language === required.language);
    if (!skill) continue;
    const language = languageNameIn(required.language, locale);
    const asked = ilrFromNumber(required.minSpeaking);
    if (skill.speaking === null) {
      outcomes.push(
        required.minSpeaking === 0
          ? { points: max, detail: deploymentsText('candidate.levelUnknownAny', { language }), isUnknown: true }
          : { points: 0, detail: deploymentsText('candidate.levelUnknown', { language, asked }), isUnknown: true },
      );
      continue;
    }
    const share = required.minSpeaking === 0 ? 1 : Math.min(1, skill.speaking / required.minSpeaking);
    const detail = deploymentsText(share >= 1 ? 'candidate.speakingMeets' : 'candidate.speakingBelow', { language, level: ilrFromNumber(skill.speaking), asked });
    outcomes.push({ points: round(max * share), detail, isUnknown: false });
  }
  const levelsUnknown = needs.requiredLanguages.filter((r) => person.languages.some((l) => l.language === r.language && l.speaking === null)).map((r) => r.language);
  if (outcomes.length === 0) {
    const languages = needs.requiredLanguages.map((l) => languageNameIn(l.language, locale)).join(', ');
    return { component: { factor: 'language', points: 0, max, detail: deploymentsText('candidate.speaksNone', { languages }) }, levelsUnknown };
  }
  // The highest points; on a tie a known level before an unknown one, then the order asked.
  const best = outcomes.reduce((a, b) => (b.points > a.points || (b.points === a.points && a.isUnknown && !b.isUnknown) ? b : a));
  // Short of full points, the languages whose level is not known are named too: a level recorded may change the score.
  const details = best.points < max ? [best, ...outcomes.filter((o) => o !== best && o.isUnknown)] : [best];
  return { component: { factor: 'language', points: best.points, max, detail: joinTexts(details.map((o) => o.detail), 'semicolon') }, levelsUnknown };
}

/**
 * Scores one person for a deployment, each part explained: the best of the required languages
 * against its level, heritage in the host country, the specialties asked for, free dates, and
 * readiness on the start date.
 */
export function scoreCandidate(person: PersonProfile, needs: CandidateNeeds, commitments: readonly Commitment[], isInTrack = false): Candidate {
  const components: Component[] = [];
  const language = languageComponent(person, needs);
  components.push(language.component);

  const hasHeritage = person.heritageCountries.includes(needs.hostCountry);
  components.push({
    factor: 'heritage',
    points: hasHeritage ? WEIGHTS.heritage : 0,
    max: WEIGHTS.heritage,
    detail: deploymentsText(hasHeritage ? 'candidate.heritage' : 'candidate.noHeritage', { country: needs.hostCountry }),
  });

  if (needs.specialties.length === 0) {
    components.push({ factor: 'specialty', points: WEIGHTS.specialty, max: WEIGHTS.specialty, detail: deploymentsText('candidate.noSpecialtyAsked') });
  } else {
    const matched = needs.specialties.filter((s) => person.specialties.includes(s));
    components.push({
      factor: 'specialty',
      points: round((WEIGHTS.specialty * matched.length) / needs.specialties.length),
      max: WEIGHTS.specialty,
      detail: matched.length
        ? deploymentsText('candidate.hasSpecialties', { matched: matched.join(', '), asked: needs.specialties.join(', ') })
        : deploymentsText('candidate.noSpecialties', { asked: needs.specialties.join(', ') }),
    });
  }

  const clash = commitments.find((c) => overlaps(c, needs.period));
  components.push({
    factor: 'availability',
    points: clash ? 0 : WEIGHTS.availability,
    max: WEIGHTS.availability,
    detail: clash ? deploymentsText('candidate.assigned', { ...clash }) : deploymentsText('candidate.free', { ...needs.period }),
  });

  const blockers = deploymentBlockers(person.readiness, needs.period, { isHighThreat: needs.isHighThreat });
  components.push({
    factor: 'readiness',
    points: blockers.length ? 0 : WEIGHTS.readiness,
    max: WEIGHTS.readiness,
    detail: blockers.length ? joinTexts(blockers.map((b) => b.detail), 'semicolon') : deploymentsText('candidate.readyOn', { start: needs.period.start }),
  });

  components.push({
    factor: 'track',
    points: isInTrack ? WEIGHTS.track : 0,
    max: WEIGHTS.track,
    detail: deploymentsText(isInTrack ? 'candidate.inTrack' : 'candidate.notInTrack', { track: deploymentsText(`track.${needs.track}`) }),
  });

  return {
    person: { id: person.id, name: person.name, organizationId: person.organizationId, organizationName: person.organizationName },
    score: round(components.reduce((sum, c) => sum + c.points, 0)),
    components: components.map((c) => ({ ...c, detail: localize(c.detail, needs.locale ?? DEFAULT_LOCALE) })),
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
