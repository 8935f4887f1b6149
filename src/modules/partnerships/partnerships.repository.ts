import { expressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { containsPattern } from '../../platform/db/dialect.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { applyKeyset, countRows, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type { AgreementsTable, DB, PartnershipsTable, PartnershipStageChangesTable } from '../../platform/db/schema.js';

export interface PartnershipFilter {
  search?: string | undefined;
  stage?: DB['partnerships']['stage'] | undefined;
  track?: DB['partnership_tracks']['track'] | undefined;
  targetCountry?: string | undefined;
  kind?: DB['organizations']['kind'] | undefined;
  ownerId?: string | undefined;
  organizationId?: string | undefined;
  /** The organization is in this country, or the partnership aims at it. */
  country?: string | undefined;
  /** The pipeline as it stood at the end of this day: `stage` is the stage then, and partnerships not yet begun are left out. */
  asOf?: string | undefined;
  /** The partnerships the caller may see, from the access policy. */
  scope: Scope;
}

/** What makes an organization a partner "on a track, in a country": the dashboard's track and country filters. */
export interface PartnerFilter {
  track?: DB['partnership_tracks']['track'] | undefined;
  country?: string | undefined;
}

/** Subqueries built on their own, joined to the outer row by the column names given. */
const eb = expressionBuilder<DB, never>();

/** A partnership on the track (its tracks include it). */
function onTrack(partnershipId: string, track: NonNullable<PartnerFilter['track']>) {
  return eb.exists(eb.selectFrom('partnership_tracks as pt').select('pt.track').where('pt.partnership_id', '=', sql.ref<string>(partnershipId)).where('pt.track', '=', track));
}

/** A partnership in a country: its organization is there, or the partnership aims at it. */
function inCountry(partnershipId: string, organizationCountry: string, country: string) {
  return eb.or([
    eb(sql.ref<string>(organizationCountry), '=', country),
    eb.exists(eb.selectFrom('partnership_countries as pc').select('pc.country').where('pc.partnership_id', '=', sql.ref<string>(partnershipId)).where('pc.country', '=', country)),
  ]);
}

/**
 * The organizations that are partners on the track and in the country: meetings, follow-ups and
 * partners are filtered by this one definition, so the dashboard's filters mean the same on each.
 */
export function partnerOrganizationIds(filter: PartnerFilter) {
  const { track, country } = filter;
  const conditions = [...(track ? [onTrack('fp.id', track)] : []), ...(country ? [inCountry('fp.id', 'fo.country', country)] : [])];
  return eb.selectFrom('partnerships as fp').innerJoin('organizations as fo', 'fo.id', 'fp.organization_id').select('fp.organization_id').where(eb.and(conditions));
}

export function isPartnerFilter(filter: PartnerFilter): boolean {
  return Boolean(filter.track || filter.country);
}

/** A partnership's stage at the end of a day: the last change on or before it (none before it began). */
function stageAt(day: string) {
  return eb
    .selectFrom('partnership_stage_changes as sc')
    .select('sc.to_stage')
    .where('sc.partnership_id', '=', sql.ref<string>('partnerships.id'))
    .where('sc.changed_on', '<=', day)
    .orderBy('sc.changed_on', 'desc')
    .orderBy('sc.recorded_at', 'desc')
    .limit(1);
}

export function partnershipsRepository(db: Kysely<DB>) {
  function selectWithOrganization() {
    return db
      .selectFrom('partnerships')
      .innerJoin('organizations', 'organizations.id', 'partnerships.organization_id')
      .selectAll('partnerships')
      .select([
        'organizations.name as organization_name',
        'organizations.search_name as organization_search_name',
        'organizations.kind as organization_kind',
        'organizations.country as organization_country',
      ]);
  }

  function filtered(filter: PartnershipFilter) {
    let query = selectWithOrganization();
    if (filter.search) {
      const pattern = containsPattern(filter.search);
      query = query.where(sql<boolean>`organizations.search_name LIKE ${pattern} ESCAPE '\\'`);
    }
    if (filter.asOf) {
      const asOf = filter.asOf;
      query = filter.stage ? query.where(stageAt(asOf), '=', filter.stage) : query.where(stageAt(asOf), 'is not', null);
    } else if (filter.stage) query = query.where('partnerships.stage', '=', filter.stage);
    if (filter.country) {
      const country = filter.country;
      query = query.where(inCountry('partnerships.id', 'organizations.country', country));
    }
    if (filter.kind) query = query.where('organizations.kind', '=', filter.kind);
    if (filter.ownerId) query = query.where('partnerships.owner_id', '=', filter.ownerId);
    if (filter.organizationId) query = query.where('partnerships.organization_id', '=', filter.organizationId);
    query = query.where(inScope(filter.scope, { organization: 'partnerships.organization_id' }));
    if (filter.track) {
      const track = filter.track;
      query = query.where(onTrack('partnerships.id', track));
    }
    if (filter.targetCountry) {
      const country = filter.targetCountry;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('partnership_countries as pc')
            .select('pc.country')
            .whereRef('pc.partnership_id', '=', 'partnerships.id')
            .where('pc.country', '=', country),
        ),
      );
    }
    return query;
  }

  return {
    findById(id: string) {
      return selectWithOrganization().where('partnerships.id', '=', id).executeTakeFirst();
    },
    findByOrganization(organizationId: string) {
      return selectWithOrganization().where('partnerships.organization_id', '=', organizationId).executeTakeFirst();
    },
    list(filter: PartnershipFilter, sort: SortRequest, page: PageRequest) {
      return applyKeyset(filtered(filter), 'partnerships.id', sort, page).execute();
    },
    /** How many the list holds under the same filter. */
    count(filter: PartnershipFilter): Promise<number> {
      return countRows(filtered(filter));
    },
    /** The list's partnerships counted by their organization's kind and their stage at the end of `asOf`: the dashboard's partners. */
    async countByKindAndStage(filter: PartnershipFilter & { asOf: string }) {
      const asOf = filter.asOf;
      const rows = await db
        .selectFrom(
          filtered(filter)
            .clearSelect()
            .select(['organizations.kind as kind', stageAt(asOf).as('stage_at')])
            .as('t'),
        )
        .select(['t.kind', 't.stage_at', (b) => b.fn.countAll<number | string>().as('n')])
        .groupBy(['t.kind', 't.stage_at'])
        .execute();
      return rows.map((row) => ({ kind: row.kind, stage: row.stage_at as DB['partnerships']['stage'], count: Number(row.n) }));
    },
    async countByStage(filter: PartnershipFilter): Promise<Map<string, number>> {
      // The same filter as the cards', so a column's count is the partners it would list.
      const rows = await filtered(filter)
        .clearSelect()
        .select(['partnerships.stage', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('partnerships.stage')
        .execute();
      return new Map(rows.map((row) => [row.stage, Number(row.n)]));
    },
    async tracksOf(ids: readonly string[]): Promise<Map<string, DB['partnership_tracks']['track'][]>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('partnership_tracks').selectAll().where('partnership_id', 'in', ids).orderBy('track').execute();
      return groupBy(rows, (row) => row.partnership_id, (row) => row.track);
    },
    async countriesOf(ids: readonly string[]): Promise<Map<string, string[]>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('partnership_countries')
        .selectAll()
        .where('partnership_id', 'in', ids)
        .orderBy('country')
        .execute();
      return groupBy(rows, (row) => row.partnership_id, (row) => row.country);
    },
    insert(row: Insertable<PartnershipsTable>) {
      return db.insertInto('partnerships').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<PartnershipsTable>) {
      return updateVersioned(db, 'partnerships', id, version, changes);
    },
    async replaceTracks(id: string, tracks: readonly DB['partnership_tracks']['track'][]) {
      await db.deleteFrom('partnership_tracks').where('partnership_id', '=', id).execute();
      if (tracks.length > 0) {
        await db.insertInto('partnership_tracks').values(tracks.map((track) => ({ partnership_id: id, track }))).execute();
      }
    },
    async replaceCountries(id: string, countries: readonly string[]) {
      await db.deleteFrom('partnership_countries').where('partnership_id', '=', id).execute();
      if (countries.length > 0) {
        await db
          .insertInto('partnership_countries')
          .values(countries.map((country) => ({ partnership_id: id, country })))
          .execute();
      }
    },
    insertStageChange(row: Insertable<PartnershipStageChangesTable>) {
      return db.insertInto('partnership_stage_changes').values(row).execute();
    },
    history(partnershipId: string) {
      return db
        .selectFrom('partnership_stage_changes')
        .leftJoin('users', 'users.id', 'partnership_stage_changes.changed_by')
        .selectAll('partnership_stage_changes')
        .select('users.name as changed_by_name')
        .where('partnership_id', '=', partnershipId)
        .orderBy('changed_on')
        .orderBy('recorded_at')
        .execute();
    },
  };
}

export function agreementsRepository(db: Kysely<DB>) {
  function selectWithOrganization() {
    return db
      .selectFrom('agreements')
      .innerJoin('partnerships', 'partnerships.id', 'agreements.partnership_id')
      .innerJoin('organizations', 'organizations.id', 'partnerships.organization_id')
      .selectAll('agreements')
      .select(['organizations.id as organization_id', 'organizations.name as organization_name']);
  }
  return {
    findById(id: string) {
      return selectWithOrganization().where('agreements.id', '=', id).executeTakeFirst();
    },
    findByReference(reference: string) {
      return db.selectFrom('agreements').select('id').where('reference', '=', reference).executeTakeFirst();
    },
    forPartnership(partnershipId: string) {
      return selectWithOrganization()
        .where('agreements.partnership_id', '=', partnershipId)
        .orderBy('agreements.signed_on', 'desc')
        .orderBy('agreements.created_at', 'desc')
        .execute();
    },
    list(filter: { partnershipId?: string | undefined; renewalDueBy?: string | undefined; today: string; scope: Scope }, page: PageRequest) {
      let query = selectWithOrganization().where(inScope(filter.scope, { organization: 'organizations.id' }));
      if (filter.partnershipId) query = query.where('agreements.partnership_id', '=', filter.partnershipId);
      if (filter.renewalDueBy) {
        query = query
          .where('agreements.renewal_due_on', '<=', filter.renewalDueBy)
          .where((eb) => eb.or([eb('agreements.expires_on', 'is', null), eb('agreements.expires_on', '>=', filter.today)]));
        return applyKeyset(query, 'agreements.id', { column: 'agreements.renewal_due_on', order: 'asc' }, page).execute();
      }
      return applyKeyset(query, 'agreements.id', { column: 'agreements.created_at', order: 'desc' }, page).execute();
    },
    /** Agreements still in force on `today` whose renewal falls due by `by`, with their partnership's owner. */
    renewalsDueBy(by: string, today: string) {
      return selectWithOrganization()
        .select('partnerships.owner_id')
        .where('agreements.renewal_due_on', '<=', by)
        .where((eb) => eb.or([eb('agreements.expires_on', 'is', null), eb('agreements.expires_on', '>=', today)]))
        .where('partnerships.stage', '!=', 'closed')
        .orderBy('agreements.renewal_due_on')
        .orderBy('agreements.id')
        .execute();
    },
    insert(row: Insertable<AgreementsTable>) {
      return db.insertInto('agreements').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<AgreementsTable>) {
      return updateVersioned(db, 'agreements', id, version, changes);
    },
  };
}

function groupBy<R, V>(rows: R[], key: (row: R) => string, value: (row: R) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(value(row));
    map.set(key(row), list);
  }
  return map;
}

export type PartnershipRowWithOrganization = NonNullable<Awaited<ReturnType<ReturnType<typeof partnershipsRepository>['findById']>>>;
export type AgreementRowWithOrganization = NonNullable<Awaited<ReturnType<ReturnType<typeof agreementsRepository>['findById']>>>;
