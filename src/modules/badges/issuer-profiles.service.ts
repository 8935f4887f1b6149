import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import { issuerProfilesPolicy as policy } from './badges.policy.js';
import type { IssuerProfile, UpdateIssuerProfileInput } from './badges.schemas.js';
import type { BadgeUrls } from './badges.service.js';
import { readIssuerMark } from './issuer-marks.js';
import { type IssuerRow, issuerProfilesRepository } from './issuer-profiles.repository.js';

/** The version of a profile never set: what the first change sends in If-Match. */
const EMPTY_VERSION = 1;

export interface IssuerProfilesDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  urls: Pick<BadgeUrls, 'mark'>;
}

/** What the audit trail keeps of a profile: the mark by its digest, never its bytes. */
function audited(row: Pick<IssuerRow, 'mark_digest' | 'mark_type' | 'signatory_name' | 'signatory_title'> | undefined) {
  return { markDigest: row?.mark_digest ?? null, markType: row?.mark_type ?? null, signatoryName: row?.signatory_name ?? null, signatoryTitle: row?.signatory_title ?? null };
}

/**
 * Each issuer's certificate dress: the mark an admin uploads and the person who signs. A profile
 * is there for every issuer from the start, empty at version 1; its first change stores it as version 2.
 */
export function createIssuerProfilesService({ db, clock, audit, urls }: IssuerProfilesDeps) {
  function view(ctx: RequestContext, row: IssuerRow): IssuerProfile {
    return {
      organizationId: row.id,
      name: row.name,
      isProgramOffice: row.kind === 'program_office',
      mark: row.mark_type && row.mark_width && row.mark_height ? { url: urls.mark(row.id, row.mark_digest ?? ''), type: row.mark_type, width: row.mark_width, height: row.mark_height } : null,
      signatoryName: row.signatory_name,
      signatoryTitle: row.signatory_title,
      updatedAt: row.updated_at,
      version: row.version ?? EMPTY_VERSION,
      allowedActions: policy.allowedActions(ctx.actor, { organizationId: row.id }),
    };
  }

  async function issuer(ctx: RequestContext, organizationId: string, executor: Kysely<DB> = db): Promise<IssuerRow> {
    const row = await issuerProfilesRepository(executor).find(organizationId);
    if (!row) throw notFound('issuer');
    policy.authorize(ctx.actor, 'read', { organizationId }, 'issuer');
    return row;
  }

  return {
    async list(ctx: RequestContext): Promise<IssuerProfile[]> {
      policy.requireAllowed(ctx.actor, 'read');
      return (await issuerProfilesRepository(db).list()).map((row) => view(ctx, row));
    },

    async get(ctx: RequestContext, organizationId: string): Promise<IssuerProfile> {
      policy.requireAllowed(ctx.actor, 'read');
      return view(ctx, await issuer(ctx, organizationId));
    },

    async update(ctx: RequestContext, organizationId: string, version: number, input: UpdateIssuerProfileInput): Promise<IssuerProfile> {
      policy.requireAllowed(ctx.actor, 'update');
      // The image is read before the transaction: a bad one is refused without touching anything.
      const mark = input.mark ? readIssuerMark(input.mark.data, '/body/mark/data') : input.mark;
      return db.transaction().execute(async (trx) => {
        const before = await issuer(ctx, organizationId, trx);
        policy.authorize(ctx.actor, 'update', { organizationId }, 'issuer');
        const current = before.version ?? EMPTY_VERSION;
        if (version !== current) throw staleVersion('issuerProfile', current);
        const changes = {
          ...(mark !== undefined && {
            mark: mark ? mark.bytes.toString('base64') : null,
            mark_type: mark?.type ?? null,
            mark_width: mark?.width ?? null,
            mark_height: mark?.height ?? null,
            mark_digest: mark?.digest ?? null,
          }),
          ...(input.signatoryName !== undefined && { signatory_name: input.signatoryName }),
          ...(input.signatoryTitle !== undefined && { signatory_title: input.signatoryTitle }),
          updated_at: instant(clock),
        };
        const repo = issuerProfilesRepository(trx);
        if (before.version === null) await repo.insert({ organization_id: organizationId, ...changes, version: EMPTY_VERSION + 1 });
        else if (!(await repo.update(organizationId, current, changes))) throw staleVersion('issuerProfile', current);
        const after = (await repo.find(organizationId)) as IssuerRow;
        await audit(trx, ctx, { action: 'issuer.profile_update', entityType: 'organization', entityId: organizationId, before: audited(before), after: audited(after) });
        return view(ctx, after);
      });
    },

    /** The mark's bytes, for anyone: certificates and the verification page show it. */
    async mark(organizationId: string) {
      const row = await issuerProfilesRepository(db).mark(organizationId);
      if (!row?.mark || !row.mark_type) throw notFound('issuerMark');
      return { bytes: Buffer.from(row.mark, 'base64'), type: row.mark_type, digest: row.mark_digest ?? '' };
    },
  };
}

export type IssuerProfilesService = ReturnType<typeof createIssuerProfilesService>;
