import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, IssuerProfilesTable } from '../../platform/db/schema.js';

/** The issuer organizations and what each prints on its certificates. */
export function issuerProfilesRepository(db: Kysely<DB>) {
  const issuers = () =>
    db
      .selectFrom('organizations as o')
      .leftJoin('issuer_profiles as p', 'p.organization_id', 'o.id')
      .select(['o.id', 'o.name', 'o.kind', 'p.mark_type', 'p.mark_width', 'p.mark_height', 'p.mark_digest', 'p.signatory_name', 'p.signatory_title', 'p.version', 'p.updated_at'])
      // The same organizations the badges repository publishes as issuers.
      .where((eb) =>
        eb.or([
          eb('o.kind', '=', 'program_office'),
          eb.exists(eb.selectFrom('signing_keys as k').select('k.organization_id').whereRef('k.organization_id', '=', 'o.id')),
          eb.exists(eb.selectFrom('endorsements as e').select('e.id').whereRef('e.endorsee_organization_id', '=', 'o.id')),
        ]),
      );
  return {
    list() {
      return issuers().orderBy('o.kind', 'desc').orderBy('o.name').orderBy('o.id').execute();
    },
    find(organizationId: string) {
      return issuers().where('o.id', '=', organizationId).executeTakeFirst();
    },
    mark(organizationId: string) {
      return db.selectFrom('issuer_profiles').select(['mark', 'mark_type', 'mark_digest']).where('organization_id', '=', organizationId).where('mark', 'is not', null).executeTakeFirst();
    },
    /** The digest of an issuer's mark, which names its public address; nothing when it has none. */
    markDigest(organizationId: string) {
      return db.selectFrom('issuer_profiles').select('mark_digest').where('organization_id', '=', organizationId).where('mark_digest', 'is not', null).executeTakeFirst();
    },
    /** The mark and signatory a certificate prints; nothing when the issuer has no profile. */
    forCertificate(organizationId: string) {
      return db.selectFrom('issuer_profiles').select(['mark', 'signatory_name', 'signatory_title']).where('organization_id', '=', organizationId).executeTakeFirst();
    },
    insert(row: Insertable<IssuerProfilesTable>) {
      return db.insertInto('issuer_profiles').values(row).execute();
    },
    async update(organizationId: string, version: number, changes: Updateable<IssuerProfilesTable>): Promise<boolean> {
      const result = await db
        .updateTable('issuer_profiles')
        .set({ ...changes, version: version + 1 })
        .where('organization_id', '=', organizationId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type IssuerRow = NonNullable<Awaited<ReturnType<ReturnType<typeof issuerProfilesRepository>['find']>>>;
