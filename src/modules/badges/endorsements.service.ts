import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { invalid, notFound, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { CatalogService } from '../training/catalog.service.js';
import { endorsementsPolicy as policy } from './badges.policy.js';
import { badgesRepository } from './badges.repository.js';
import type { BadgeUrls, BadgesService } from './badges.service.js';
import type { IssuerKeys } from './issuer-keys.js';
import { CONTEXTS } from './jsonld.js';
import { signDataIntegrity } from './signing.js';
import { badgesText } from './badges.messages.js';

export interface EndorsementsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  keys: IssuerKeys;
  urls: BadgeUrls;
  badges: Pick<BadgesService, 'flagIssuedBy'>;
  catalog: Pick<CatalogService, 'requireCredential'>;
}

/**
 * Delegated issuing: the program office endorses an academy abroad to certify under its
 * standard. The endorsement is an Open Badges EndorsementCredential the academy's issuer profile
 * carries, so a verifier sees the chain program office → academy → instructor. Withdrawing it
 * flags every credential the academy issued under it for review.
 */
export function createEndorsementsService({ db, clock, audit, keys, urls, badges, catalog }: EndorsementsDeps) {
  function view(row: Awaited<ReturnType<ReturnType<typeof badgesRepository>['listEndorsements']>>[number], ctx: RequestContext) {
    // A withdrawn endorsement is history: nothing more is done to it.
    const allowedActions = !row.withdrawn_at ? policy.allowedActions(ctx.actor, { organizationId: row.endorsee_organization_id }) : [];
    return {
      id: row.id,
      endorsee: { id: row.endorsee_organization_id, name: row.endorsee_name },
      credential: { id: row.credential_id, name: row.credential_name },
      statement: row.statement,
      issuedAt: row.issued_at,
      withdrawnAt: row.withdrawn_at,
      withdrawnReason: row.withdrawn_reason,
      version: row.version,
      allowedActions,
    };
  }

  return {
    async list(ctx: RequestContext) {
      policy.requireAllowed(ctx.actor, 'read');
      return (await badgesRepository(db).listEndorsements()).map((row) => view(row, ctx));
    },

    async endorse(ctx: RequestContext, input: { organizationId: string; credentialId: string; statement: string }) {
      policy.requireAllowed(ctx.actor, 'create');
      return db.transaction().execute(async (trx) => {
        const repo = badgesRepository(trx);
        const office = await repo.programOffice();
        if (!office) throw ruleBroken('badge.no_program_office', badgesText('endorsement.noProgramOffice'));
        const endorsee = await repo.organization(input.organizationId);
        if (!endorsee) throw invalid(badgesText('organization.unknown'), [{ pointer: '/body/organizationId', detail: badgesText('organization.notAnOrganization') }]);
        if (endorsee.id === office.id) throw ruleBroken('endorsement.self', badgesText('endorsement.self'));
        const credential = await catalog.requireCredential(input.credentialId, '/body/credentialId', trx);
        await repo.lockEndorsing(endorsee.id, credential.id);
        if (await repo.activeEndorsement(endorsee.id, credential.id)) {
          throw ruleBroken('endorsement.already_active', badgesText('endorsement.alreadyActive', { organization: endorsee.name, credential: credential.name }));
        }
        const id = newId();
        const now = clock.now();
        const unsigned = {
          '@context': [CONTEXTS.credentials, CONTEXTS.openBadges],
          id: `urn:uuid:${id}`,
          type: ['VerifiableCredential', 'EndorsementCredential'],
          name: `${office.name} endorses ${endorsee.name} to issue “${credential.name}”`,
          issuer: { id: urls.issuer(office.id), type: ['Profile'], name: office.name },
          validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          credentialSubject: { id: urls.issuer(endorsee.id), type: ['EndorsementSubject'], endorsementComment: input.statement },
        };
        const signed = await signDataIntegrity(unsigned, (await keys.signing(office.id, trx)).ed25519, now);
        await repo.insertEndorsement({
          id,
          endorser_organization_id: office.id,
          endorsee_organization_id: endorsee.id,
          credential_id: credential.id,
          statement: input.statement,
          credential: JSON.stringify(signed),
          issued_at: now.toISOString(),
          withdrawn_at: null,
          withdrawn_reason: null,
        });
        await audit(trx, ctx, { action: 'endorsement.issue', entityType: 'organization', entityId: endorsee.id, after: { endorsementId: id, credentialId: credential.id } });
        return view((await badgesRepository(trx).listEndorsements()).find((e) => e.id === id) as Parameters<typeof view>[0], ctx);
      });
    },

    async withdraw(ctx: RequestContext, id: string, version: number, reason: string) {
      policy.requireAllowed(ctx.actor, 'withdraw');
      return db.transaction().execute(async (trx) => {
        const repo = badgesRepository(trx);
        const current = await repo.findEndorsement(id);
        if (!current) throw notFound('endorsement');
        if (current.withdrawn_at) throw ruleBroken('endorsement.already_withdrawn', badgesText('endorsement.alreadyWithdrawn'));
        if (!(await repo.withdrawEndorsement(id, version, instant(clock), reason))) throw staleVersion('endorsement', current.version);
        const flagged = await badges.flagIssuedBy(trx, current.endorsee_organization_id, 'the issuer’s endorsement was withdrawn');
        await audit(trx, ctx, { action: 'endorsement.withdraw', entityType: 'organization', entityId: current.endorsee_organization_id, after: { endorsementId: id, reason, flagged } });
        return { ...view((await repo.listEndorsements()).find((e) => e.id === id) as Parameters<typeof view>[0], ctx), flaggedCredentials: flagged };
      });
    },
  };
}

export type EndorsementsService = ReturnType<typeof createEndorsementsService>;
