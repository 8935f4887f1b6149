import type { AgreementRowWithOrganization, PartnershipRowWithOrganization } from './partnerships.repository.js';
import { agreementStatus } from './partnerships.rules.js';
import type { Agreement, AgreementAction, Partnership, PartnershipAction } from './partnerships.schemas.js';

export function toPartnership(
  row: PartnershipRowWithOrganization,
  related: { tracks: Partnership['tracks']; countries: string[]; ownerName: string | null },
  allowedActions: PartnershipAction[] = [],
): Partnership {
  return {
    id: row.id,
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      kind: row.organization_kind,
      country: row.organization_country,
    },
    stage: row.stage,
    stageChangedOn: row.stage_changed_on,
    ownerId: row.owner_id,
    ownerName: related.ownerName,
    summary: row.summary,
    tracks: related.tracks,
    targetCountries: related.countries,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions,
  };
}

/** An agreement as the API shows it, with what the caller may do to it (none in an audit event). */
export function toAgreement(row: AgreementRowWithOrganization, today: string, allowedActions: AgreementAction[] = []): Agreement {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    kind: row.kind,
    reference: row.reference,
    title: row.title,
    terms: row.terms,
    signedOn: row.signed_on,
    effectiveOn: row.effective_on,
    expiresOn: row.expires_on,
    renewalDueOn: row.renewal_due_on,
    reimbursementCeilingCents: row.reimbursement_ceiling_cents === null ? null : Number(row.reimbursement_ceiling_cents),
    currency: row.currency,
    status: agreementStatus({ signedOn: row.signed_on, expiresOn: row.expires_on }, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions,
  };
}
