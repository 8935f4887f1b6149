import { searchKey } from '../platform/text.js';
import { writersFor } from './bulk.js';
import type { Organizations } from './organizations.js';
import { FAMILY_NAMES, type GenerationContext, GIVEN_NAMES, instantOf, LANGUAGES, languageOf, plusDays, RANKS, SPECIALTIES } from './reference.js';

export interface People {
  ids: string[];
  /** Each person's generation in the cascade: 0 the program office's master instructors. */
  generation: Uint8Array;
  /** The people of each generation, by index into `ids`. */
  byGeneration: number[][];
}

/**
 * Each generation's share of the people: a cascade widens as it goes down (generation 0 the
 * office's few master instructors, the last the many officers trained by the ones before).
 */
const SHARES = [0.002, 0.008, 0.03, 0.07, 0.13, 0.2, 0.26, 0.3];

/**
 * People with their languages, heritage, specialties and readiness; foreign officers (whose
 * training the program funds) with a cleared vetting valid over the program's years, as
 * enrolling them in a U.S.-funded offering requires.
 */
export async function generatePeople(ctx: GenerationContext, orgs: Organizations): Promise<People> {
  const { db, engine, rnd, id, sizes, stamp } = ctx;
  const count = sizes.people;
  const w = writersFor(db, engine, 'people', count * 7, ctx.progress);
  const people = w.writer('people', ['id', 'organization_id', 'given_name', 'family_name', 'search_name', 'sort_name', 'rank_title', 'email', 'phone', 'sex', 'date_of_birth', 'status', 'notes', 'created_at', 'updated_at']);
  const languages = w.writer('person_languages', ['person_id', 'language', 'speaking', 'reading']);
  const heritage = w.writer('person_heritage_countries', ['person_id', 'country']);
  const specialties = w.writer('person_specialties', ['person_id', 'specialty']);
  const readiness = w.writer('person_readiness', ['person_id', 'item', 'completed_on', 'expires_on', 'reference', 'secret', 'secret_hint', 'updated_at']);
  const vetting = w.writer('vetting_records', ['id', 'person_id', 'case_reference', 'status', 'submitted_on', 'result_on', 'valid_until', 'notes', 'created_at', 'updated_at']);

  const generations = SHARES.slice(0, sizes.generations);
  const sizesByGeneration = generations.map((share) => Math.max(2, Math.round(share * count)));
  const generation = new Uint8Array(count);
  const byGeneration: number[][] = generations.map(() => []);
  const ids: string[] = [];
  let g = 0;
  let upTo = sizesByGeneration[0] as number;
  const programStart = `${ctx.firstYear}-01-01`;
  const vettedFrom = plusDays(programStart, -90);
  const vettedUntil = `${ctx.firstYear + sizes.years + 5}-12-31`;
  const lastYear = ctx.firstYear + sizes.years - 1;
  const pastDay = (from: number) => {
    const day = rnd.day(rnd.int(from, lastYear));
    return day > ctx.today ? ctx.today : day;
  };
  for (let i = 0; i < count; i++) {
    while (i >= upTo && g < generations.length - 1) upTo += sizesByGeneration[++g] as number;
    generation[i] = g;
    byGeneration[g]!.push(i);
    const partner = g === 0 ? null : orgs.partners[rnd.int(0, orgs.partners.length - 1)]!;
    const country = partner?.country ?? 'US';
    const given = rnd.pick(GIVEN_NAMES);
    const family = rnd.pick(FAMILY_NAMES);
    const personId = id();
    ids.push(personId);
    const status = rnd.weighted<string>([['active', 90], ['inactive', 6], ['retired', 4]]);
    const email = rnd.chance(0.7) ? `${given}.${family}.${i + 1}@agency${country.toLowerCase()}.example`.toLowerCase() : null;
    await people.add([personId, partner?.id ?? orgs.programOfficeId, given, family, searchKey(`${given} ${family}`), searchKey(`${family} ${given}`), rnd.pick(RANKS), email, null, rnd.chance(0.35) ? 'female' : 'male', `${rnd.int(1955, 1998)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`, status, null, stamp, stamp]);

    const own = languageOf(country);
    await languages.add([personId, own, 10, 10]);
    if (own !== 'en') await languages.add([personId, 'en', rnd.int(0, 10), rnd.int(0, 10)]);
    else if (rnd.chance(0.5)) await languages.add([personId, rnd.pick(LANGUAGES.filter((l) => l !== 'en')), rnd.int(2, 10), rnd.int(2, 10)]);
    if (country === 'US' && rnd.chance(0.15)) await heritage.add([personId, rnd.pick(['HT', 'MX', 'SV', 'DO', 'CO'])]);
    if (rnd.chance(0.35)) await specialties.add([personId, rnd.pick(SPECIALTIES)]);

    const passportOn = pastDay(ctx.firstYear + 8);
    await readiness.add([personId, 'passport', passportOn, plusDays(passportOn, 3652), null, null, null, stamp]);
    if (rnd.chance(0.6)) await readiness.add([personId, 'medical_clearance', pastDay(ctx.firstYear + 15), null, null, null, null, stamp]);
    if (rnd.chance(0.3)) await readiness.add([personId, 'security_training', pastDay(ctx.firstYear + 15), null, null, null, null, stamp]);
    if (rnd.chance(0.3)) await readiness.add([personId, 'predeployment_training', pastDay(ctx.firstYear + 15), null, null, null, null, stamp]);
    if (country !== 'US') await vetting.add([id(), personId, `VET-${i + 1}`, 'cleared', vettedFrom, plusDays(vettedFrom, 30), vettedUntil, null, instantOf(vettedFrom), instantOf(vettedFrom)]);
    w.tick();
  }
  await w.finish();
  return { ids, generation, byGeneration };
}
