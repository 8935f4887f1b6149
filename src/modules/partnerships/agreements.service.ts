import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { allPages, type Page, type PageRequest, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { conflict, invalid, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { toAgreement } from './partnerships.mapper.js';
import { agreementsPolicy as policy, partnershipsPolicy } from './partnerships.policy.js';
import { agreementsRepository, partnershipsRepository } from './partnerships.repository.js';
import { agreementDateProblems } from './partnerships.rules.js';
import {
  type Agreement,
  type CreateAgreementInput,
  type ListAgreementsQuery,
  type UpdateAgreementInput,
} from './partnerships.schemas.js';
import { partnershipsText } from './partnerships.messages.js';

export interface AgreementsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
}

const referenceTaken = (reference: string) =>
  conflict(partnershipsText('referenceTaken', { reference }), [
    { pointer: '/body/reference', detail: partnershipsText('referenceTakenField') },
  ]);

/** The agreements (MOU, inter-agency agreement, letter of agreement) behind each partnership. */
export function createAgreementsService({ db, clock, audit }: AgreementsDeps) {
  async function visibleRow(ctx: RequestContext, id: string, executor: Kysely<DB> = db) {
    // A role that never reads these is refused outright, before anything is loaded.
    policy.requireAllowed(ctx.actor, 'read');
    const row = await agreementsRepository(executor).findById(id);
    if (!row || !policy.can(ctx.actor, 'read', row)) throw notFound('agreement');
    return row;
  }

  async function listPage(ctx: RequestContext, query: ListAgreementsQuery, page: PageRequest): Promise<Page<Agreement>> {
    const day = today(clock);
    const rows = await agreementsRepository(db).list(
      {
        partnershipId: query.partnershipId,
        renewalDueBy: query.renewalDueBy,
        today: day,
        scope: policy.scope(ctx.actor, 'read'),
      },
      page,
    );
    const sort = query.renewalDueBy
      ? { column: 'agreements.renewal_due_on', order: 'asc' as const }
      : { column: 'agreements.created_at', order: 'desc' as const };
    return toPage(
      rows,
      page,
      sort,
      (row) => ({ value: (query.renewalDueBy ? row.renewal_due_on : row.created_at) ?? '', id: row.id }),
      (row) => toAgreement(row, day, policy.allowedActions(ctx.actor, row)),
    );
  }

  return {
    list(ctx: RequestContext, query: ListAgreementsQuery) {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    listAll(ctx: RequestContext, query: ListAgreementsQuery) {
      return allPages((page) => listPage(ctx, query, page));
    },

    async get(ctx: RequestContext, id: string): Promise<Agreement> {
      const row = await visibleRow(ctx, id);
      return toAgreement(row, today(clock), policy.allowedActions(ctx.actor, row));
    },

    async create(ctx: RequestContext, partnershipId: string, input: CreateAgreementInput): Promise<Agreement> {
      policy.requireAllowed(ctx.actor, 'create');
      try {
        return await db.transaction().execute(async (trx) => {
          const partnership = await partnershipsRepository(trx).findById(partnershipId);
          if (!partnership || !partnershipsPolicy.can(ctx.actor, 'read', partnership)) throw notFound('partnership');
          const repo = agreementsRepository(trx);
          if (await repo.findByReference(input.reference)) throw referenceTaken(input.reference);
          const id = newId();
          const now = instant(clock);
          await repo.insert({
            id,
            partnership_id: partnershipId,
            kind: input.kind,
            reference: input.reference,
            title: input.title ?? null,
            terms: input.terms ?? null,
            signed_on: input.signedOn ?? null,
            effective_on: input.effectiveOn ?? null,
            expires_on: input.expiresOn ?? null,
            renewal_due_on: input.renewalDueOn ?? null,
            reimbursement_ceiling_cents: input.reimbursementCeilingCents ?? null,
            currency: input.currency,
            created_at: now,
            updated_at: now,
          });
          const row = await visibleRow(ctx, id, trx);
          await audit(trx, ctx, { action: 'agreement.create', entityType: 'agreement', entityId: id, after: toAgreement(row, today(clock)) });
          return toAgreement(row, today(clock), policy.allowedActions(ctx.actor, row));
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw referenceTaken(input.reference);
        throw error;
      }
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateAgreementInput): Promise<Agreement> {
      policy.requireAllowed(ctx.actor, 'update');
      try {
        return await db.transaction().execute(async (trx) => {
          const current = await visibleRow(ctx, id, trx);
          policy.authorize(ctx.actor, 'update', current, 'agreement');
          // The rule holds for the record as it will be, not only for the fields this change names.
          const merged = {
            signedOn: input.signedOn === undefined ? current.signed_on : input.signedOn,
            effectiveOn: input.effectiveOn === undefined ? current.effective_on : input.effectiveOn,
            expiresOn: input.expiresOn === undefined ? current.expires_on : input.expiresOn,
            renewalDueOn: input.renewalDueOn === undefined ? current.renewal_due_on : input.renewalDueOn,
          };
          const problems = agreementDateProblems(merged, new Set(Object.keys(input)));
          if (problems.length > 0) {
            throw invalid(partnershipsText('datesMisfit'), problems.map((p) => ({ pointer: `/body/${p.field}`, detail: p.message })));
          }
          const repo = agreementsRepository(trx);
          if (input.reference !== undefined) {
            const other = await repo.findByReference(input.reference);
            if (other && other.id !== id) throw referenceTaken(input.reference);
          }
          const isUpdated = await repo.update(id, version, {
            ...(input.kind !== undefined && { kind: input.kind }),
            ...(input.reference !== undefined && { reference: input.reference }),
            ...(input.title !== undefined && { title: input.title }),
            ...(input.terms !== undefined && { terms: input.terms }),
            ...(input.signedOn !== undefined && { signed_on: input.signedOn }),
            ...(input.effectiveOn !== undefined && { effective_on: input.effectiveOn }),
            ...(input.expiresOn !== undefined && { expires_on: input.expiresOn }),
            ...(input.renewalDueOn !== undefined && { renewal_due_on: input.renewalDueOn }),
            ...(input.reimbursementCeilingCents !== undefined && { reimbursement_ceiling_cents: input.reimbursementCeilingCents }),
            ...(input.currency !== undefined && { currency: input.currency }),
            updated_at: instant(clock),
          });
          if (!isUpdated) throw staleVersion('agreement', current.version);
          const day = today(clock);
          const row = await visibleRow(ctx, id, trx);
          await audit(trx, ctx, { action: 'agreement.update', entityType: 'agreement', entityId: id, before: toAgreement(current, day), after: toAgreement(row, day) });
          return toAgreement(row, day, policy.allowedActions(ctx.actor, row));
        });
      } catch (error) {
        if (isUniqueViolation(error) && input.reference) throw referenceTaken(input.reference);
        throw error;
      }
    },
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
