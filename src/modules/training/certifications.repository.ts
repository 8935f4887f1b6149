import type { Insertable, Kysely, Updateable } from 'kysely';
import { applyKeyset, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type { CertificationsTable, DB } from '../../platform/db/schema.js';

export interface CertificationFilter {
  personId?: string | undefined;
  credentialId?: string | undefined;
  status?: 'active' | 'expired' | 'revoked' | undefined;
  expiringBy?: string | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  today: string;
  /** The certifications the caller may see, from the access policy. */
  scope: Scope;
}

export function certificationsRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('certifications')
      .innerJoin('people', 'people.id', 'certifications.person_id')
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .innerJoin('credentials', 'credentials.id', 'certifications.credential_id')
      .selectAll('certifications')
      .select(['people.given_name', 'people.family_name', 'people.organization_id', 'organizations.name as organization_name', 'credentials.name as credential_name']);
  }
  return {
    findById(id: string) {
      return base().where('certifications.id', '=', id).executeTakeFirst();
    },
    list(filter: CertificationFilter, sort: SortRequest, page: PageRequest) {
      let query = base().where(inScope(filter.scope, { organization: 'people.organization_id', person: 'certifications.person_id' }));
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
      return applyKeyset(query, 'certifications.id', sort, page).execute();
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
    update(id: string, version: number, changes: Updateable<CertificationsTable>) {
      return updateVersioned(db, 'certifications', id, version, changes);
    },
    /** Active certifications expiring between two days, with the reminders already sent for each. */
    async expiringWithin(from: string, to: string) {
      const rows = await base()
        .where('certifications.revoked_at', 'is', null)
        .where('certifications.expires_on', '>=', from)
        .where('certifications.expires_on', '<=', to)
        .execute();
      const sent = new Map<string, number[]>();
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000).map((r) => r.id);
        for (const s of await db.selectFrom('certification_reminders').selectAll().where('certification_id', 'in', chunk).execute()) {
          sent.set(s.certification_id, [...(sent.get(s.certification_id) ?? []), s.days_before]);
        }
      }
      return rows.map((row) => ({ ...row, reminded_days: sent.get(row.id) ?? [] }));
    },
    recordReminder(certificationId: string, daysBefore: number, at: string) {
      return db.insertInto('certification_reminders').values({ certification_id: certificationId, days_before: daysBefore, sent_at: at }).execute();
    },
  };
}

export type CertificationRowWithNames = NonNullable<Awaited<ReturnType<ReturnType<typeof certificationsRepository>['findById']>>>;
