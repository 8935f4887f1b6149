import { type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import { containsPattern } from '../../platform/db/dialect.js';
import { applyKeyset, countRows, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { lockName, lockRows } from '../../platform/db/locks.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type {
  DB,
  PeopleTable,
  PersonHeritageCountriesTable,
  PersonLanguagesTable,
  PersonReadinessTable,
  PersonSpecialtiesTable,
} from '../../platform/db/schema.js';
import { isTrainedFilter, type TrainedFilter, trainedEnrollments } from '../training/trained.repository.js';
import type { readinessBounds } from './readiness.js';
import { type CandidateFilter, candidatePoints, type CandidateRanking, inTrack, readyAt, readyFor, trackMembers } from './person-conditions.repository.js';
import { insertRows } from '../../platform/db/bulk-insert.js';

export interface PeopleFilter {
  search?: string | undefined;
  organizationId?: string | undefined;
  /** The people the actor may see. */
  scope: Scope;
  language?: string | undefined;
  minSpeaking?: number | undefined;
  specialty?: string | undefined;
  heritageCountry?: string | undefined;
  /** People of that track: their agency's partnership is in it, or they trained or taught in it. */
  track?: DB['courses']['track'] | undefined;
  status?: DB['people']['status'] | undefined;
  /** Only the people this import created or changed. */
  importId?: string | undefined;
  readiness?: { status: 'ready' | 'expiring' | 'not_ready'; today: ReturnType<typeof readinessBounds>; soon: ReturnType<typeof readinessBounds> } | undefined;
  /** People trained in a period, on a track, in a country (the dashboard's "people trained"). */
  trained?: TrainedFilter | undefined;
}

/**
 * Whether a filter narrows the people by `keys` alone, among everyone: such a count is read off
 * the table those filters read. Any other narrowing (a name, a status, a coordinator's agency, a
 * filter added later) needs each person's row, and takes the list's own query.
 */
function isNarrowedOnlyBy(filter: PeopleFilter, keys: readonly (keyof PeopleFilter)[]): boolean {
  if (filter.scope.kind !== 'all') return false;
  return Object.entries(filter).every(
    ([key, value]) => value === undefined || key === 'scope' || keys.includes(key as keyof PeopleFilter) || (key === 'trained' && !isTrainedFilter(value as TrainedFilter)),
  );
}

/** Ids per IN list: well under SQLite's and PostgreSQL's bound-parameter limits. */
const RELATED_CHUNK = 1000;
/** Readiness records per INSERT: under both engines' bound-parameter limits. */
const INSERT_BATCH = 500;

/** A name to find people by (its search key), within one agency when the agency is known. */
export interface NameKey {
  searchName: string;
  organizationId?: string | undefined;
}

export function peopleRepository(db: Kysely<DB>) {
  function base() {
    return withOrganization(db.selectFrom('people'));
  }

  /** A person's row with their agency's name and country, which every reading of people shows. */
  function withOrganization(query: SelectQueryBuilder<DB, 'people', object>) {
    return query
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .selectAll('people')
      .select(['organizations.name as organization_name', 'organizations.country as organization_country']);
  }

  /**
   * The people matching, read from `people` alone: a count needs no agency (every person has one).
   * `trained` as EXISTS suits a page (it stops at the page's last person); as IN, a count (the
   * trained are found once, from the period's offerings, not probed for each of 100,000 people).
   */
  function matching(filter: PeopleFilter, trainedAs: 'exists' | 'in' = 'exists') {
    let query = db.selectFrom('people').where(inScope(filter.scope, { organization: 'people.organization_id', person: 'people.id' }));
    if (filter.search) query = query.where(sql<boolean>`people.search_name LIKE ${containsPattern(filter.search)} ESCAPE '\\'`);
    if (filter.organizationId) query = query.where('people.organization_id', '=', filter.organizationId);
    if (filter.status) query = query.where('people.status', '=', filter.status);
    if (filter.language) {
      const language = filter.language;
      const min = filter.minSpeaking ?? 0;
      // Without a minimum (or at 0) everyone who speaks it, level known or not; a level not
      // known (NULL) meets no minimum above that.
      query = query.where((eb) => {
        let speakers = eb.selectFrom('person_languages as pl').select('pl.language').whereRef('pl.person_id', '=', 'people.id').where('pl.language', '=', language);
        if (min > 0) speakers = speakers.where('pl.speaking', '>=', min);
        return eb.exists(speakers);
      });
    }
    if (filter.specialty) {
      const specialty = filter.specialty;
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('person_specialties as ps').select('ps.specialty').whereRef('ps.person_id', '=', 'people.id').where('ps.specialty', '=', specialty)),
      );
    }
    if (filter.heritageCountry) {
      const country = filter.heritageCountry;
      query = query.where((eb) =>
        eb.exists(
          eb.selectFrom('person_heritage_countries as ph').select('ph.country').whereRef('ph.person_id', '=', 'people.id').where('ph.country', '=', country),
        ),
      );
    }
    if (filter.importId) {
      const importId = filter.importId;
      // The links an import keeps of what it wrote (imports' own table, read here as a filter, as reports read across modules).
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('import_records as ir').select('ir.record_id').where('ir.import_id', '=', importId).whereRef('ir.record_id', '=', 'people.id')),
      );
    }
    if (filter.trained && isTrainedFilter(filter.trained)) {
      const trained = filter.trained;
      query =
        trainedAs === 'in'
          ? query.where('people.id', 'in', trainedEnrollments(db, trained).select('te.person_id'))
          : query.where((eb) => eb.exists(trainedEnrollments(eb, trained).select('te.id').whereRef('te.person_id', '=', 'people.id')));
    }
    if (filter.track) query = query.where(inTrack(filter.track));
    if (filter.readiness) {
      const { status, today, soon } = filter.readiness;
      if (status === 'ready') query = query.where(readyAt(today)).where(readyAt(soon));
      if (status === 'expiring') query = query.where(readyAt(today)).where(sql<boolean>`NOT ${readyAt(soon)}`);
      if (status === 'not_ready') query = query.where(sql<boolean>`NOT ${readyAt(today)}`);
    }
    return query;
  }

  /**
   * A language's speakers among everyone, read off the language's index alone: a person speaks a
   * language once (the table's key), so its rows are the people; counting them so beats visiting
   * each of 100,000 people to ask.
   */
  function speakers(language: string, min: number) {
    let query = db.selectFrom('person_languages as pl').select('pl.person_id').where('pl.language', '=', language);
    if (min > 0) query = query.where('pl.speaking', '>=', min);
    return query;
  }

  /**
   * The people trained (of an agency), read off their enrollments: each person once, and no
   * person's row visited but an agency's, whose people are found first.
   */
  function trainedPeople(trained: TrainedFilter, organizationId: string | undefined) {
    let enrollments = trainedEnrollments(db, trained).select('te.person_id');
    if (organizationId) enrollments = enrollments.where('te.person_id', 'in', db.selectFrom('people').select('people.id').where('people.organization_id', '=', organizationId));
    return db.selectFrom(enrollments.groupBy('te.person_id').as('t')).select('t.person_id');
  }

  function filtered(filter: PeopleFilter) {
    return withOrganization(matching(filter));
  }

  return {
    findById(id: string) {
      return base().where('people.id', '=', id).executeTakeFirst();
    },
    findByIds(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return base().where('people.id', 'in', ids).execute();
    },
    findByEmail(email: string) {
      return db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();
    },
    /**
     * People by any of their keys (id, email, search name), in chunks the engines accept: an
     * import's matching. A name given with an agency is looked for in that agency alone (the
     * identity index's order): a common name is shared by hundreds across a large program.
     */
    async findByKeys(keys: { ids: readonly string[]; emails: readonly string[]; names: readonly NameKey[] }) {
      const found = new Map<string, PersonRowWithOrganization>();
      const lookups: { column: 'people.id' | 'people.email'; values: readonly string[] }[] = [
        { column: 'people.id', values: keys.ids },
        { column: 'people.email', values: keys.emails },
      ];
      for (const { column, values } of lookups) {
        const distinct = [...new Set(values)];
        for (let i = 0; i < distinct.length; i += RELATED_CHUNK) for (const row of await base().where(column, 'in', distinct.slice(i, i + RELATED_CHUNK)).execute()) found.set(row.id, row);
      }
      // Names with their agency are matched as pairs against the identity index (a list joined to
      // people): asked as "these names, in this agency", planners misled by the agency's size (a
      // roster's agency grows by thousands within the import's own transaction) read it whole.
      const withAgency = [...new Map(keys.names.filter((n): n is Required<NameKey> => n.organizationId !== undefined).map((n) => [`${n.searchName}\u0000${n.organizationId}`, n])).values()];
      const alone = [...new Set(keys.names.filter((n) => n.organizationId === undefined).map((n) => n.searchName))];
      const named: string[] = [];
      for (let i = 0; i < withAgency.length; i += RELATED_CHUNK) {
        const pairs = sql.join(withAgency.slice(i, i + RELATED_CHUNK).map((n) => sql`(${n.searchName}, ${n.organizationId})`));
        const { rows } = await sql<{ id: string }>`
          WITH k(search_name, organization_id) AS (VALUES ${pairs})
          SELECT p.id FROM k INNER JOIN people p ON p.search_name = k.search_name AND p.organization_id = k.organization_id`.execute(db);
        named.push(...rows.map((row) => row.id));
      }
      for (let i = 0; i < alone.length; i += RELATED_CHUNK) named.push(...(await db.selectFrom('people').select('id').where('search_name', 'in', alone.slice(i, i + RELATED_CHUNK)).execute()).map((row) => row.id));
      const unread = [...new Set(named)].filter((id) => !found.has(id));
      for (let i = 0; i < unread.length; i += RELATED_CHUNK) for (const row of await base().where('people.id', 'in', unread.slice(i, i + RELATED_CHUNK)).execute()) found.set(row.id, row);
      return [...found.values()];
    },
    findSameIdentity(searchName: string, organizationId: string, dateOfBirth: string) {
      return db
        .selectFrom('people')
        .select('id')
        .where('search_name', '=', searchName)
        .where('organization_id', '=', organizationId)
        .where('date_of_birth', '=', dateOfBirth)
        .executeTakeFirst();
    },
    list(filter: PeopleFilter, sort: SortRequest, page: PageRequest) {
      return applyKeyset(filtered(filter), 'people.id', sort, page).execute();
    },
    /** How many the list holds under the same filter (the figure of people trained is this count). */
    count(filter: PeopleFilter): Promise<number> {
      if (filter.language && isNarrowedOnlyBy(filter, ['language', 'minSpeaking'])) return countRows(speakers(filter.language, filter.minSpeaking ?? 0));
      if (filter.trained && isTrainedFilter(filter.trained) && isNarrowedOnlyBy(filter, ['trained', 'organizationId'])) return countRows(trainedPeople(filter.trained, filter.organizationId));
      return countRows(matching(filter, 'in').select('people.id'));
    },
    /**
     * The people matching who may be candidates, with their names, whether they are of the ranking's
     * track and the bound of their score less its track part, in tenths (see candidatePoints): the
     * best `limit` by track then bound, or everyone at or above a key by the same order.
     */
    async candidatesByBound(filter: PeopleFilter, ranking: CandidateRanking, hard: CandidateFilter, which: { limit: number } | { atLeast: { isInTrack: boolean; tenths: number } }) {
      const parts = candidatePoints(ranking);
      const { constant, language, points } = parts;
      // Everyone: each part is read once, as a set, and joined. A subquery per person and part cost
      // far more over a whole roster (some 100 ms a part over 100,000 people on PostgreSQL).
      const everyone = () => {
        const members = trackMembers(ranking.track);
        let joined = matching(filter)
          .leftJoin(members.agencies.as('ta'), 'ta.organization_id', 'people.organization_id')
          .leftJoin(members.people.as('tx'), 'tx.person_id', 'people.id')
          .leftJoin(points.as('pp'), 'pp.person_id', 'people.id');
        if (language) joined = joined.leftJoin(language.as('lp'), 'lp.person_id', 'people.id') as unknown as typeof joined;
        return joined.select([
          'people.id',
          'people.given_name',
          'people.family_name',
          sql<number>`CASE WHEN ta.organization_id IS NOT NULL OR tx.person_id IS NOT NULL THEN 1 ELSE 0 END`.as('in_track'),
          sql<number>`${sql.lit(constant)} + ${language ? sql`COALESCE(lp.points, 0)` : sql.lit(0)} + COALESCE(pp.points, 0)`.as('bound'),
        ]);
      };
      // Only those who score some of the sparser parts (heritage, specialties, readiness): a few, so probed each.
      const scoringSome = () =>
        matching(filter)
          .innerJoin(points.as('pp'), 'pp.person_id', 'people.id')
          .select([
            'people.id',
            'people.given_name',
            'people.family_name',
            sql<number>`CASE WHEN ${inTrack(ranking.track)} THEN 1 ELSE 0 END`.as('in_track'),
            sql<number>`${sql.lit(constant)} + ${parts.languageOf} + pp.points`.as('bound'),
          ]) as unknown as ReturnType<typeof everyone>;
      const read = (pool: ReturnType<typeof everyone>) => {
        if (hard.notOfOrganization) pool = pool.where('people.organization_id', '<>', hard.notOfOrganization);
        if (hard.notIds.length > 0) pool = pool.where('people.id', 'not in', [...hard.notIds]);
        if (hard.isReady) pool = pool.where(readyFor(ranking));
        // The pool is read whole first: left inside, the limit had PostgreSQL's planner expect to stop
        // early and walk a part's rows for every person (seconds) rather than join them by hash.
        const ranked = db.with((cte) => cte('c').materialized(), () => pool).selectFrom('c').selectAll();
        if ('limit' in which) return ranked.orderBy('c.in_track', 'desc').orderBy('c.bound', 'desc').orderBy('c.id').limit(which.limit).execute();
        const { isInTrack, tenths } = which.atLeast;
        return ranked
          .where((eb) => (isInTrack ? eb.and([eb('c.in_track', '=', 1), eb('c.bound', '>=', tenths)]) : eb.or([eb('c.in_track', '=', 1), eb('c.bound', '>=', tenths)])))
          .execute();
      };
      // Someone who scores none of the sparser parts is bound to at most `withoutPoints`. When those
      // who score some fill the read, of the track and above that, nobody else can come before
      // them (the threshold algorithm's stop, taken once): the rest of the roster is not read.
      if ('limit' in which) {
        const some = await read(scoringSome());
        const last = some.at(-1);
        if (some.length === which.limit && last && Number(last.in_track) === 1 && Number(last.bound) > parts.withoutPoints) return some;
        return read(everyone());
      }
      return which.atLeast.isInTrack && which.atLeast.tenths > parts.withoutPoints ? read(scoringSome()) : read(everyone());
    },
    /** Languages, heritage, specialties and readiness of many people, by person, in chunks the engines accept. */
    async related(ids: readonly string[]): Promise<Map<string, PersonExtras>> {
      const byPerson = new Map<string, PersonExtras>(ids.map((id) => [id, { languages: [], heritage: [], specialties: [], readiness: [] }]));
      const of = (id: string) => byPerson.get(id) as PersonExtras;
      for (let i = 0; i < ids.length; i += RELATED_CHUNK) {
        const chunk = ids.slice(i, i + RELATED_CHUNK);
        const [languages, heritage, specialties, readiness] = await Promise.all([
          db.selectFrom('person_languages').selectAll().where('person_id', 'in', chunk).orderBy('speaking', (o) => o.desc().nullsLast()).orderBy('language').execute(),
          db.selectFrom('person_heritage_countries').selectAll().where('person_id', 'in', chunk).orderBy('country').execute(),
          db.selectFrom('person_specialties').selectAll().where('person_id', 'in', chunk).orderBy('specialty').execute(),
          db.selectFrom('person_readiness').selectAll().where('person_id', 'in', chunk).orderBy('item').execute(),
        ]);
        for (const row of languages) of(row.person_id).languages.push(row);
        for (const row of heritage) of(row.person_id).heritage.push(row);
        for (const row of specialties) of(row.person_id).specialties.push(row);
        for (const row of readiness) of(row.person_id).readiness.push(row);
      }
      return byPerson;
    },
    insert(row: Insertable<PeopleTable>) {
      return db.insertInto('people').values(row).execute();
    },
    /** Many people with their languages, heritage and specialties, in bulk. */
    async insertMany(
      rows: readonly Insertable<PeopleTable>[],
      related: { languages: Insertable<PersonLanguagesTable>[]; heritage: Insertable<PersonHeritageCountriesTable>[]; specialties: Insertable<PersonSpecialtiesTable>[] },
    ) {
      await insertRows(db, 'people', rows);
      await insertRows(db, 'person_languages', related.languages);
      await insertRows(db, 'person_heritage_countries', related.heritage);
      await insertRows(db, 'person_specialties', related.specialties);
    },
    update(id: string, version: number, changes: Updateable<PeopleTable>) {
      return updateVersioned(db, 'people', id, version, changes);
    },
    /**
     * Takes the person's row lock until the transaction ends, so two assignments or enrollments
     * of one person cannot both pass the overlap check.
     */
    lock(id: string) {
      return lockRows(db, 'people', [id]);
    },
    /**
     * Makes the checks of who is already on record (an email, a name in an agency with a birth
     * date) one after another until the transaction ends: what is checked is a person who may not
     * exist yet, so there is no row to lock. Taken before any person's row.
     */
    lockIdentities() {
      return lockName(db, 'people.identity');
    },
    async replaceLanguages(id: string, rows: { language: string; speaking: number | null; reading: number | null }[]) {
      await db.deleteFrom('person_languages').where('person_id', '=', id).execute();
      if (rows.length > 0) await db.insertInto('person_languages').values(rows.map((r) => ({ person_id: id, ...r }))).execute();
    },
    async replaceHeritage(id: string, countries: readonly string[]) {
      await db.deleteFrom('person_heritage_countries').where('person_id', '=', id).execute();
      if (countries.length > 0) await db.insertInto('person_heritage_countries').values(countries.map((country) => ({ person_id: id, country }))).execute();
    },
    async replaceSpecialties(id: string, specialties: readonly string[]) {
      await db.deleteFrom('person_specialties').where('person_id', '=', id).execute();
      if (specialties.length > 0) await db.insertInto('person_specialties').values(specialties.map((specialty) => ({ person_id: id, specialty }))).execute();
    },
    readinessOf(id: string) {
      return db.selectFrom('person_readiness').selectAll().where('person_id', '=', id).execute();
    },
    async upsertReadiness(row: Insertable<PersonReadinessTable>) {
      await db.deleteFrom('person_readiness').where('person_id', '=', row.person_id).where('item', '=', row.item).execute();
      await db.insertInto('person_readiness').values(row).execute();
    },
    /** Puts each record in place of the person's record of that item, if any. */
    async replaceReadinessMany(rows: readonly Insertable<PersonReadinessTable>[]) {
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        const chunk = rows.slice(i, i + INSERT_BATCH);
        for (const item of new Set(chunk.map((r) => r.item))) {
          const people = chunk.filter((r) => r.item === item).map((r) => r.person_id);
          await db.deleteFrom('person_readiness').where('item', '=', item).where('person_id', 'in', people).execute();
        }
        await db.insertInto('person_readiness').values(chunk).execute();
      }
    },
    deleteReadiness(personId: string, item: DB['person_readiness']['item']) {
      return db.deleteFrom('person_readiness').where('person_id', '=', personId).where('item', '=', item).execute();
    },
  };
}

export type PersonRowWithOrganization = NonNullable<Awaited<ReturnType<ReturnType<typeof peopleRepository>['findById']>>>;
export interface PersonExtras {
  languages: Selectable<PersonLanguagesTable>[];
  heritage: Selectable<PersonHeritageCountriesTable>[];
  specialties: Selectable<PersonSpecialtiesTable>[];
  readiness: Selectable<PersonReadinessTable>[];
}

const NO_EXTRAS: PersonExtras = { languages: [], heritage: [], specialties: [], readiness: [] };

export function extrasOf(related: Map<string, PersonExtras>, id: string): PersonExtras {
  return related.get(id) ?? NO_EXTRAS;
}
