import type { Kysely } from 'kysely';
import type { DB } from '../src/platform/db/schema.js';
import { newId } from '../src/platform/ids.js';
import { searchKey } from '../src/platform/text.js';

/** Deterministic synthetic data, written straight into the tables: the benchmarks' fixtures. */

const KINDS = ['municipal_police', 'county_sheriff', 'state_corrections', 'federal_agency', 'academy'] as const;
const COUNTRIES = ['US', 'HT', 'SV', 'BR', 'GT', 'HN', 'MX', 'CO'];
const LANGUAGES = ['en', 'es', 'fr', 'ht', 'pt'];

/** The generator's seeded PRNG, so two runs (and two engines) load the same shape of program. */
export { random } from '../src/generate/random.js';

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function generateOrganizations(db: Kysely<DB>, count: number): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = Array.from({ length: count }, (_, i) => {
    const name = `Synthetic Agency ${String(i).padStart(6, '0')}`;
    return {
      id: newId(),
      name,
      search_name: searchKey(name),
      acronym: `SA${i}`,
      kind: KINDS[i % KINDS.length] as (typeof KINDS)[number],
      country: COUNTRIES[i % COUNTRIES.length] as string,
      subdivision: null,
      city: null,
      parent_id: null,
      website: null,
      description: null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
  });
  await insertInChunks(rows, (chunk) => db.insertInto('organizations').values(chunk).execute(), 200);
  return rows.map((r) => r.id);
}

export async function generatePeople(db: Kysely<DB>, organizationIds: string[], count: number): Promise<void> {
  const now = new Date().toISOString();
  const people = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    organization_id: organizationIds[i % organizationIds.length] as string,
    given_name: `Given${i}`,
    family_name: `Family${i}`,
    search_name: searchKey(`Given${i} Family${i}`),
    sort_name: searchKey(`Family${i} Given${i}`),
    rank_title: 'Police Officer',
    email: null,
    phone: null,
    sex: i % 2 ? ('female' as const) : ('male' as const),
    date_of_birth: null,
    status: 'active' as const,
    notes: null,
    created_at: now,
    updated_at: now,
  }));
  await insertInChunks(people, (chunk) => db.insertInto('people').values(chunk).execute(), 100);
  const languages = people.flatMap((p, i) => [
    { person_id: p.id, language: 'en', speaking: 10, reading: 10 },
    { person_id: p.id, language: LANGUAGES[1 + (i % 4)] as string, speaking: i % 11, reading: i % 9 },
  ]);
  await insertInChunks(languages, (chunk) => db.insertInto('person_languages').values(chunk).execute());
  const heritage = people.filter((_, i) => i % 7 === 0).map((p, i) => ({ person_id: p.id, country: COUNTRIES[i % COUNTRIES.length] as string }));
  await insertInChunks(heritage, (chunk) => db.insertInto('person_heritage_countries').values(chunk).execute());
  const readiness = people.flatMap((p, i) => [
    { person_id: p.id, item: 'passport' as const, completed_on: '2020-01-01', expires_on: i % 5 ? '2035-01-01' : '2026-12-01', reference: null, secret: null, secret_hint: null, updated_at: now },
    { person_id: p.id, item: 'medical_clearance' as const, completed_on: i % 3 ? '2026-06-01' : '2024-01-01', expires_on: null, reference: null, secret: null, secret_hint: null, updated_at: now },
    { person_id: p.id, item: 'predeployment_training' as const, completed_on: '2026-05-01', expires_on: null, reference: null, secret: null, secret_hint: null, updated_at: now },
  ]);
  await insertInChunks(readiness, (chunk) => db.insertInto('person_readiness').values(chunk).execute(), 200);
}
