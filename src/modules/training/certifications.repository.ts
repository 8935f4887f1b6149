import type { Insertable, Kysely, SelectQueryBuilder, Updateable } from 'kysely';
import { applyKeyset, countRows, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type { CertificationsTable, DB } from '../../platform/db/schema.js';
import { addDays } from '../../platform/dates.js';
import { COURSE_LEVELS, type CourseLevel } from '../../platform/db/enums.js';

export interface CertificationFilter {
  personId?: string | undefined;
  credentialId?: string | undefined;
  status?: 'active' | 'expired' | 'revoked' | undefined;
  expiringBy?: string | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  /** Held on this day: issued by it, not expired before it, not revoked by it (the figures' "active on"). */
  activeOn?: string | undefined;
  /** Expiring on or before this day (with activeOn: the active ones about to lapse). */
  expiresBy?: string | undefined;
  /** Credentials granted by a course of this level or above (instructor: instructors and masters). */
  credentialLevel?: CourseLevel | undefined;
  track?: DB['credentials']['track'] | undefined;
  /** The holder's agency's country. */
  country?: string | undefined;
  /** The holder's agency. */
  organizationId?: string | undefined;
  today: string;
  /** The certifications the caller may see, from the access policy. */
  scope: Scope;
}

/** The tables a certification is read with: its holder, their agency, its credential. */
type Joined = 'certifications' | 'people' | 'organizations' | 'credentials';

export function certificationsRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('certifications')
      .innerJoin('people', 'people.id', 'certifications.person_id')
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .innerJoin('credentials', 'credentials.id', 'certifications.credential_id')
      .selectAll('certifications')
      .select([
        'people.given_name',
        'people.family_name',
        'people.organization_id',
        'organizations.name as organization_name',
        'organizations.country as organization_country',
        'credentials.name as credential_name',
        'credentials.track as credential_track',
      ]);
  }
  /**
   * The filter's conditions, on a query that has joined the tables they read (the holder, their
   * agency, the credential).
   */
  function narrowed<O>(query: SelectQueryBuilder<DB, Joined, O>, filter: CertificationFilter): SelectQueryBuilder<DB, Joined, O> {
    query = query.where(inScope(filter.scope, { organization: 'people.organization_id', person: 'certifications.person_id' }));
    if (filter.personId) query = query.where('certifications.person_id', '=', filter.personId);
    if (filter.credentialId) query = query.where('certifications.credential_id', '=', filter.credentialId);
    if (filter.issuedFrom) query = query.where('certifications.issued_on', '>=', filter.issuedFrom);
    if (filter.issuedTo) query = query.where('certifications.issued_on', '<=', filter.issuedTo);
    const today = filter.today;
    if (filter.status === 'revoked') query = query.where('certifications.revoked_at', 'is not', null);
    if (filter.status === 'expired') query = query.where('certifications.revoked_at', 'is', null).where('certifications.expires_on', '<', today);
    if (filter.status === 'active' || filter.expiringBy) {
      query = query
        .where('certifications.revoked_at', 'is', null)
        .where((eb) => eb.or([eb('certifications.expires_on', 'is', null), eb('certifications.expires_on', '>=', today)]));
    }
    if (filter.expiringBy) query = query.where('certifications.expires_on', '<=', filter.expiringBy);
    if (filter.activeOn) {
      const day = filter.activeOn;
      // Revoked during the day or before it: no longer held that day (isActiveOn's rule).
      const dayAfter = `${addDays(day, 1)}T00:00:00.000Z`;
      query = query
        .where('certifications.issued_on', '<=', day)
        .where((eb) => eb.or([eb('certifications.expires_on', 'is', null), eb('certifications.expires_on', '>=', day)]))
        .where((eb) => eb.or([eb('certifications.revoked_at', 'is', null), eb('certifications.revoked_at', '>=', dayAfter)]));
    }
    if (filter.expiresBy) query = query.where('certifications.expires_on', '<=', filter.expiresBy);
    if (filter.credentialLevel) {
      const levels = COURSE_LEVELS.slice(COURSE_LEVELS.indexOf(filter.credentialLevel));
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('courses as k').select('k.id').whereRef('k.grants_credential_id', '=', 'certifications.credential_id').where('k.level', 'in', levels)),
      );
    }
    if (filter.track) query = query.where('credentials.track', '=', filter.track);
    if (filter.country) query = query.where('organizations.country', '=', filter.country);
    if (filter.organizationId) query = query.where('people.organization_id', '=', filter.organizationId);
    return query;
  }

  function filtered(filter: CertificationFilter) {
    return narrowed(base(), filter);
  }

  /**
   * The same certifications for counting, joined only to the tables the filter reads: each join
   * meets exactly one row (every certification has its holder and credential, every person their
   * agency), so leaving one out changes no count, and a year's 150,000 certifications are counted
   * without visiting 150,000 people.
   */
  function counted(filter: CertificationFilter) {
    const readsHolder = filter.scope.kind === 'organization' || filter.organizationId !== undefined || filter.country !== undefined;
    // Typed as joined to all three; the conditions read only the tables joined below (narrowed
    // names each with its filter, and readsHolder says which need the holder).
    let query = db.selectFrom('certifications') as unknown as SelectQueryBuilder<DB, Joined, object>;
    if (readsHolder) query = query.innerJoin('people', 'people.id', 'certifications.person_id');
    if (filter.country !== undefined) query = query.innerJoin('organizations', 'organizations.id', 'people.organization_id');
    if (filter.track !== undefined) query = query.innerJoin('credentials', 'credentials.id', 'certifications.credential_id');
    return narrowed(query, filter);
  }

  return {
    findById(id: string) {
      return base().where('certifications.id', '=', id).executeTakeFirst();
    },
    list(filter: CertificationFilter, sort: SortRequest, page: PageRequest) {
      return applyKeyset(filtered(filter), 'certifications.id', sort, page).execute();
    },
    /** Every certification the list holds under the filter: the year report's instructors. */
    all(filter: CertificationFilter) {
      return filtered(filter).orderBy('certifications.issued_on').orderBy('certifications.id').execute();
    },
    /**
     * Every certification the list holds under the filter, as the figures need them: who, from
     * which agency and country, in which track, and the days that say when it was held. A large
     * program's instructors run to a hundred thousand; their names and full rows are not read.
     */
    holdings(filter: CertificationFilter) {
      return filtered(filter)
        .clearSelect()
        .select([
          'certifications.person_id',
          'certifications.issued_on',
          'certifications.expires_on',
          'certifications.revoked_at',
          'people.organization_id',
          'organizations.country',
          'credentials.track',
        ])
        .execute();
    },
    /** How many the list holds under the same filter: the figure and the list share this one definition. */
    count(filter: CertificationFilter): Promise<number> {
      return countRows(counted(filter).select('certifications.id'));
    },
    /** The certifications an offering issued, as far as the caller's scope reaches. */
    forOffering(offeringId: string, scope: Scope) {
      return base()
        .where('certifications.offering_id', '=', offeringId)
        .where(inScope(scope, { organization: 'people.organization_id', person: 'certifications.person_id' }))
        .orderBy('people.sort_name')
        .orderBy('certifications.id')
        .execute();
    },
    forPerson(personId: string) {
      return base().where('certifications.person_id', '=', personId).orderBy('certifications.issued_on').execute();
    },
    /** Certifications of people in a credential, for instructor checks and renewals. */
    ofPeople(personIds: readonly string[], credentialId: string) {
      if (personIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('certifications').selectAll().where('person_id', 'in', personIds).where('credential_id', '=', credentialId).orderBy('issued_on').execute();
    },
    insert(row: Insertable<CertificationsTable>) {
      return db.insertInto('certifications').values(row).execute();
    },
    /** Many at once, in batches of a multi-row INSERT each. */
    async insertMany(rows: readonly Insertable<CertificationsTable>[]) {
      for (let i = 0; i < rows.length; i += INSERT_BATCH) await db.insertInto('certifications').values(rows.slice(i, i + INSERT_BATCH)).execute();
    },
    update(id: string, version: number, changes: Updateable<CertificationsTable>) {
      return updateVersioned(db, 'certifications', id, version, changes);
    },
    /** Certifications not revoked that expire between two days. */
    expiringWithin(from: string, to: string) {
      return base()
        .where('certifications.revoked_at', 'is', null)
        .where('certifications.expires_on', '>=', from)
        .where('certifications.expires_on', '<=', to)
        .orderBy('certifications.expires_on')
        .orderBy('certifications.id')
        .execute();
    },
  };
}

export type CertificationRowWithNames = NonNullable<Awaited<ReturnType<ReturnType<typeof certificationsRepository>['findById']>>>;

/** Certifications per INSERT: eleven columns each, well under both engines' bound-parameter limits. */
const INSERT_BATCH = 500;
