import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditEntry, AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { addDays } from '../../platform/dates.js';
import { allPages, type Page, type PageRequest, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Certification, ListCertificationsQuery } from './certifications.schemas.js';
import { type CertificationFilter, type CertificationRowWithNames, certificationsRepository } from './certifications.repository.js';
import { certificationsPolicy as policy } from './training.policy.js';
import { certificationStatus, expiryOf, isActiveOn } from './training.rules.js';
import { trainingText } from './training.messages.js';

export interface CertificationsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  /** What else must happen, in the same transaction, when a certification is revoked. */
  onRevoke?: (trx: Transaction<DB>, certification: { id: string; personId: string; reason: string }) => Promise<unknown>;
}

/** Whom a certification belongs to, for the access policy. */
const holderOf = (row: CertificationRowWithNames) => ({ personId: row.person_id, organizationId: row.organization_id });

/** A certification as the API shows it, with what the caller may do to it (none in an audit event). */
export function toCertification(row: CertificationRowWithNames, day: string, allowedActions: Certification['allowedActions'] = []): Certification {
  return {
    id: row.id,
    person: { id: row.person_id, name: `${row.given_name} ${row.family_name}`, organizationId: row.organization_id, organizationName: row.organization_name },
    credential: { id: row.credential_id, name: row.credential_name },
    offeringId: row.offering_id,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    status: certificationStatus({ expiresOn: row.expires_on, revokedAt: row.revoked_at }, day),
    renewsId: row.renews_id,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
    version: row.version,
    allowedActions,
  };
}

export function createCertificationsService({ db, clock, audit, onRevoke }: CertificationsDeps) {
  /** A revoked certification stays revoked: there is nothing left to do to it. */
  function present(ctx: RequestContext, row: CertificationRowWithNames, day: string): Certification {
    const allowed = row.revoked_at ? [] : policy.allowedActions(ctx.actor, holderOf(row));
    return toCertification(row, day, allowed);
  }

  async function visibleRow(ctx: RequestContext, id: string, executor: Kysely<DB> = db) {
    const row = await certificationsRepository(executor).findById(id);
    // Another agency's certification answers exactly like a missing one.
    if (!row || !policy.can(ctx.actor, 'read', holderOf(row))) throw notFound('certification');
    return row;
  }

  async function listPage(ctx: RequestContext, query: ListCertificationsQuery, page: PageRequest): Promise<Page<Certification>> {
    const scope = policy.scope(ctx.actor, 'read');
    const day = today(clock);
    const byExpiry = query.expiringWithinDays !== undefined || query.expiresBy !== undefined;
    const sort: SortRequest = byExpiry ? { column: 'certifications.expires_on', order: 'asc' } : { column: 'certifications.issued_on', order: 'desc' };
    const filter: CertificationFilter = {
      personId: query.personId,
      credentialId: query.credentialId,
      status: query.status,
      expiringBy: query.expiringWithinDays ? addDays(day, query.expiringWithinDays) : undefined,
      issuedFrom: query.issuedFrom,
      issuedTo: query.issuedTo,
      activeOn: query.activeOn,
      expiresBy: query.expiresBy,
      credentialLevel: query.credentialLevel,
      track: query.track,
      country: query.country,
      organizationId: query.organizationId,
      today: day,
      scope,
    };
    const repo = certificationsRepository(db);
    const [rows, total] = await Promise.all([repo.list(filter, sort, page), page.cursor ? undefined : repo.count(filter)]);
    return { ...toPage(rows, page, sort, (row) => ({ value: (byExpiry ? row.expires_on : row.issued_on) ?? '', id: row.id }), (row) => present(ctx, row, day)), total };
  }

  return {
    list(ctx: RequestContext, query: ListCertificationsQuery): Promise<Page<Certification>> {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    /** Every certification the list would show, for exports. */
    listAll(ctx: RequestContext, query: ListCertificationsQuery): AsyncGenerator<Certification> {
      return allPages((page) => listPage(ctx, query, page));
    },

    async get(ctx: RequestContext, id: string): Promise<Certification> {
      return present(ctx, await visibleRow(ctx, id), today(clock));
    },

    async revoke(ctx: RequestContext, id: string, version: number, reason: string): Promise<Certification> {
      policy.requireAllowed(ctx.actor, 'revoke');
      return db.transaction().execute(async (trx) => {
        const current = await visibleRow(ctx, id, trx);
        policy.authorize(ctx.actor, 'revoke', holderOf(current), 'certification');
        if (current.revoked_at) throw ruleBroken('certification.already_revoked', trainingText('certification.alreadyRevoked'));
        const now = instant(clock);
        if (!(await certificationsRepository(trx).update(id, version, { revoked_at: now, revoked_reason: reason, updated_at: now }))) {
          throw staleVersion('certification', current.version);
        }
        await onRevoke?.(trx, { id, personId: current.person_id, reason });
        const day = today(clock);
        const after = await visibleRow(ctx, id, trx);
        await audit(trx, ctx, { action: 'certification.revoke', entityType: 'certification', entityId: id, before: toCertification(current, day), after: toCertification(after, day) });
        return present(ctx, after, day);
      });
    },

    /**
     * Issues certifications in the caller's transaction (closing an offering). A person who already
     * holds the credential gets a renewal that points at what it renews; history is kept. One read
     * of the holders per credential and one multi-row insert, whatever the number; the audit
     * events go to `events` when the caller records them with its own, else are recorded here.
     */
    async issue(
      ctx: RequestContext,
      trx: Transaction<DB>,
      awards: { personId: string; credentialId: string; offeringId: string | null; issuedOn: string; validityMonths: number | null }[],
      events?: AuditEntry[],
    ): Promise<Map<string, { id: string; expiresOn: string | null; isRenewal: boolean }>> {
      const repo = certificationsRepository(trx);
      const issued = new Map<string, { id: string; expiresOn: string | null; isRenewal: boolean }>();
      if (awards.length === 0) return issued;
      const now = instant(clock);
      // What each person holds now, unrevoked, latest last: what their award renews.
      const renewed = new Map<string, string>();
      for (const credentialId of new Set(awards.map((a) => a.credentialId))) {
        const people = awards.filter((a) => a.credentialId === credentialId).map((a) => a.personId);
        for (const held of await repo.ofPeople(people, credentialId)) if (held.revoked_at === null) renewed.set(`${held.person_id}:${credentialId}`, held.id);
      }
      const rows = awards.map((award) => ({
        id: newId(),
        person_id: award.personId,
        credential_id: award.credentialId,
        offering_id: award.offeringId,
        issued_on: award.issuedOn,
        expires_on: expiryOf(award.issuedOn, award.validityMonths),
        renews_id: renewed.get(`${award.personId}:${award.credentialId}`) ?? null,
        revoked_at: null,
        revoked_reason: null,
        created_at: now,
        updated_at: now,
      }));
      await repo.insertMany(rows);
      const entries = rows.map((row) => ({
        action: row.renews_id ? 'certification.renew' : 'certification.issue',
        entityType: 'certification',
        entityId: row.id,
        after: { personId: row.person_id, credentialId: row.credential_id, offeringId: row.offering_id, issuedOn: row.issued_on, expiresOn: row.expires_on, renewsId: row.renews_id },
      }));
      if (events) events.push(...entries);
      else await audit.many(trx, ctx, entries);
      for (const row of rows) issued.set(row.person_id, { id: row.id, expiresOn: row.expires_on, isRenewal: row.renews_id !== null });
      return issued;
    },

    /** Who of these people holds the credential, active, on a day (instructor checks). */
    async holdersOn(personIds: readonly string[], credentialId: string, day: string, executor: Kysely<DB>): Promise<Set<string>> {
      const rows = await certificationsRepository(executor).ofPeople(personIds, credentialId);
      return new Set(rows.filter((r) => isActiveOn({ issuedOn: r.issued_on, expiresOn: r.expires_on, revokedAt: r.revoked_at }, day)).map((r) => r.person_id));
    },

    /** Every certification of a person, for the transcript; with `ctx`, each says what that caller may do to it. */
    async ofPerson(personId: string, executor: Kysely<DB> = db, ctx?: RequestContext): Promise<Certification[]> {
      const day = today(clock);
      return (await certificationsRepository(executor).forPerson(personId)).map((row) => (ctx ? present(ctx, row, day) : toCertification(row, day)));
    },
  };
}

export type CertificationsService = ReturnType<typeof createCertificationsService>;
