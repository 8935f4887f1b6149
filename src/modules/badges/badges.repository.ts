import type { Insertable, Kysely } from 'kysely';
import type { BadgeCredentialsTable, DB, EndorsementsTable } from '../../platform/db/schema.js';
import type { SigningAlgorithm } from '../../platform/db/enums.js';
import { lockName, sharedRead } from '../../platform/db/locks.js';

/**
 * The badges' own tables, and what they read of training for the facts a credential states
 * (read only: the training module owns those records).
 */
export function badgesRepository(db: Kysely<DB>) {
  /** Everything a credential says about a certification. */
  function factsQuery() {
    return db
        .selectFrom('certifications as c')
        .innerJoin('people as p', 'p.id', 'c.person_id')
        .innerJoin('organizations as holder_org', 'holder_org.id', 'p.organization_id')
        .innerJoin('credentials as cr', 'cr.id', 'c.credential_id')
        .leftJoin('offerings as o', 'o.id', 'c.offering_id')
        .leftJoin('course_versions as v', 'v.id', 'o.course_version_id')
        .leftJoin('courses as course', 'course.id', 'o.course_id')
        .select([
          'c.id',
          'c.person_id',
          'c.credential_id',
          'c.issued_on',
          'c.expires_on',
          'c.revoked_at',
          'p.given_name',
          'p.family_name',
          'p.email',
          'holder_org.name as holder_organization_name',
          'cr.name as credential_name',
          'cr.description as credential_description',
          'cr.criteria',
          'cr.translations as credential_translations',
          'o.id as offering_id',
          'o.start_on',
          'o.end_on',
          'o.country',
          'o.city',
          'o.delivering_organization_id',
          'v.title as course_title',
          'v.hours as course_hours',
          'course.language',
          // The language the holder reads Cadre in, when they have an account that says.
          (eb) =>
            eb
              .selectFrom('users as u')
              .select('u.locale')
              .whereRef('u.person_id', '=', 'c.person_id')
              .where('u.locale', 'is not', null)
              .orderBy('u.id')
              .limit(1)
              .as('holder_locale'),
        ]);
  }
  return {
    /** Everything a credential says about one certification. */
    facts(certificationId: string) {
      return factsQuery().where('c.id', '=', certificationId).executeTakeFirst();
    },
    /** The same of many certifications, in one read. */
    factsOf(certificationIds: readonly string[]) {
      if (certificationIds.length === 0) return Promise.resolve([]);
      return factsQuery().where('c.id', 'in', certificationIds).execute();
    },
    findBadge(certificationId: string) {
      return db.selectFrom('badge_credentials').selectAll().where('certification_id', '=', certificationId).executeTakeFirst();
    },
    /** Which of these certifications already have their credential. */
    async issuedOf(certificationIds: readonly string[]): Promise<Set<string>> {
      if (certificationIds.length === 0) return new Set();
      const rows = await db.selectFrom('badge_credentials').select('certification_id').where('certification_id', 'in', certificationIds).execute();
      return new Set(rows.map((r) => r.certification_id));
    },
    insertBadge(row: Insertable<BadgeCredentialsTable>) {
      return db.insertInto('badge_credentials').values(row).execute();
    },
    /** Many at once, in batches of a multi-row INSERT each (a signed credential is a few kilobytes). */
    async insertBadges(rows: readonly Insertable<BadgeCredentialsTable>[]) {
      for (let i = 0; i < rows.length; i += BADGE_BATCH) await db.insertInto('badge_credentials').values(rows.slice(i, i + BADGE_BATCH)).execute();
    },
    /**
     * The next `count` free places in an issuer's status list, in one statement: the list's row
     * is made at `count` or moved on by it, which takes its lock until the transaction ends.
     */
    async allocateStatusIndexes(organizationId: string, count: number): Promise<number[]> {
      const row = await db
        .insertInto('status_lists')
        .values({ organization_id: organizationId, next_index: count })
        .onConflict((oc) => oc.column('organization_id').doUpdateSet((eb) => ({ next_index: eb('status_lists.next_index', '+', count) })))
        .returning('next_index')
        .executeTakeFirstOrThrow();
      return Array.from({ length: count }, (_, i) => row.next_index - count + i);
    },
    /** Places in an issuer's list whose certification is revoked. */
    async revokedIndexes(organizationId: string): Promise<number[]> {
      const rows = await db
        .selectFrom('badge_credentials as b')
        .innerJoin('certifications as c', 'c.id', 'b.certification_id')
        .select('b.status_index')
        .where('b.issuer_organization_id', '=', organizationId)
        .where('c.revoked_at', 'is not', null)
        .execute();
      return rows.map((r) => r.status_index);
    },
    organization(id: string) {
      return db.selectFrom('organizations').select(['id', 'name', 'kind', 'website', 'country']).where('id', '=', id).executeTakeFirst();
    },
    /**
     * An organization that issues credentials: the program office, one that holds signing keys,
     * or one that was endorsed to issue. Any other agency is not published as an issuer.
     */
    issuerOrganization(id: string) {
      return db
        .selectFrom('organizations as o')
        .select(['o.id', 'o.name', 'o.kind', 'o.website', 'o.country'])
        .where('o.id', '=', id)
        .where((eb) =>
          eb.or([
            eb('o.kind', '=', 'program_office'),
            eb.exists(eb.selectFrom('signing_keys as k').select('k.organization_id').whereRef('k.organization_id', '=', 'o.id')),
            eb.exists(eb.selectFrom('endorsements as e').select('e.id').whereRef('e.endorsee_organization_id', '=', 'o.id')),
          ]),
        )
        .executeTakeFirst();
    },
    programOffice() {
      return db.selectFrom('organizations').select(['id', 'name', 'kind', 'website', 'country']).where('kind', '=', 'program_office').orderBy('created_at').limit(1).executeTakeFirst();
    },
    /**
     * One active endorsement per agency and credential: the rule is about a row that may not
     * exist yet, so two endorsements of the pair made at once take turns on its name, until the
     * transaction ends.
     */
    lockEndorsing(endorseeId: string, credentialId: string) {
      return lockName(db, `endorsement:${endorseeId}:${credentialId}`);
    },
    /**
     * The endorsement an agency signs a credential under, held until the signing's transaction
     * ends: a withdrawal waits for the credentials signed under it to be written, and so flags
     * them; a withdrawal first leaves the agency none.
     */
    activeEndorsement(endorseeId: string, credentialId: string) {
      return sharedRead(
        db,
        db
          .selectFrom('endorsements')
          .selectAll()
          .where('endorsee_organization_id', '=', endorseeId)
          .where('credential_id', '=', credentialId)
          .where('withdrawn_at', 'is', null)
          .orderBy('issued_at', 'desc'),
      );
    },
    endorsementsOf(endorseeId: string) {
      return db.selectFrom('endorsements').selectAll().where('endorsee_organization_id', '=', endorseeId).orderBy('issued_at').execute();
    },
    findEndorsement(id: string) {
      return db.selectFrom('endorsements').selectAll().where('id', '=', id).executeTakeFirst();
    },
    listEndorsements() {
      return db
        .selectFrom('endorsements')
        .innerJoin('organizations as o', 'o.id', 'endorsements.endorsee_organization_id')
        .innerJoin('credentials as c', 'c.id', 'endorsements.credential_id')
        .selectAll('endorsements')
        .select(['o.name as endorsee_name', 'c.name as credential_name'])
        .orderBy('endorsements.issued_at', 'desc')
        .execute();
    },
    insertEndorsement(row: Insertable<EndorsementsTable>) {
      return db.insertInto('endorsements').values(row).execute();
    },
    withdrawEndorsement(id: string, version: number, at: string, reason: string) {
      return db
        .updateTable('endorsements')
        .set({ withdrawn_at: at, withdrawn_reason: reason, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst()
        .then((r) => Number(r.numUpdatedRows) === 1);
    },
    /** Marks for review every credential an issuer gave under an endorsement, or one person taught towards. */
    async flag(filter: { issuerOrganizationId?: string; taughtByPersonId?: string }, at: string, reason: string): Promise<number> {
      let query = db.updateTable('badge_credentials').set({ flagged_at: at, flag_reason: reason }).where('flagged_at', 'is', null);
      if (filter.issuerOrganizationId) query = query.where('issuer_organization_id', '=', filter.issuerOrganizationId);
      if (filter.taughtByPersonId) {
        const person = filter.taughtByPersonId;
        query = query.where('certification_id', 'in', (eb) =>
          eb
            .selectFrom('certifications as c')
            .innerJoin('offering_instructors as oi', 'oi.offering_id', 'c.offering_id')
            .select('c.id')
            .where('oi.person_id', '=', person),
        );
      }
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

/** Credentials per INSERT: eight columns each. */
const BADGE_BATCH = 200;

export type BadgeFactsRow = NonNullable<Awaited<ReturnType<ReturnType<typeof badgesRepository>['facts']>>>;
/** The program office as an issuer: the organization that signs when no endorsed agency does. */
export type ProgramOffice = NonNullable<Awaited<ReturnType<ReturnType<typeof badgesRepository>['programOffice']>>>;

/** Each issuer's signing keys: the sealed private halves and the published public ones. */
export function signingKeysRepository(db: Kysely<DB>) {
  return {
    /** Makes an issuer's key changes (its first keys, a rotation) one after another, until the transaction ends. */
    lockIssuer(organizationId: string) {
      return lockName(db, `signing-keys:${organizationId}`);
    },
    insert(row: Insertable<DB['signing_keys']>) {
      return db.insertInto('signing_keys').values(row).execute();
    },
    /** The key an issuer signs with now: its newest unretired one. */
    active(organizationId: string, algorithm: SigningAlgorithm) {
      return db
        .selectFrom('signing_keys')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('algorithm', '=', algorithm)
        .where('retired_at', 'is', null)
        .orderBy('key_number', 'desc')
        .executeTakeFirst();
    },
    /** The keys an issuer signs with now, of every algorithm: the newest unretired first. */
    activeOfEvery(organizationId: string) {
      return db.selectFrom('signing_keys').selectAll().where('organization_id', '=', organizationId).where('retired_at', 'is', null).orderBy('key_number', 'desc').execute();
    },
    /** Every key an issuer ever had, public halves only. */
    published(organizationId: string) {
      return db
        .selectFrom('signing_keys')
        .select(['algorithm', 'key_number', 'public_key', 'created_at', 'retired_at'])
        .where('organization_id', '=', organizationId)
        .orderBy('algorithm')
        .orderBy('key_number')
        .execute();
    },
    retire(id: string, at: string) {
      return db.updateTable('signing_keys').set({ retired_at: at }).where('id', '=', id).execute();
    },
  };
}
