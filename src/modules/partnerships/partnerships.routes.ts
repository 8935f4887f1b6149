import { z } from 'zod';

import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { columnsOf } from '../../platform/http/table-export.js';
import { created, requiredVersion, withEtag } from '../../platform/http/versioning.js';
import { idSchema } from '../../platform/schemas.js';
import type { AgreementsService } from './agreements.service.js';
import {
  type Agreement,
  agreementSchema,
  boardQuerySchema,
  boardSchema,
  changeStageSchema,
  createAgreementSchema,
  createPartnershipSchema,
  listAgreementsQuerySchema,
  listPartnershipsQuerySchema,
  type Partnership,
  partnershipDetailSchema,
  partnershipSchema,
  updateAgreementSchema,
  updatePartnershipSchema,
} from './partnerships.schemas.js';
import type { PartnershipsService } from './partnerships.service.js';

const idParams = z.object({ id: idSchema });

const partnershipColumn = columnsOf<Partnership>();
const PARTNERSHIP_COLUMNS = [
  partnershipColumn.text('id', 'ID', (p) => p.id),
  partnershipColumn.text('organization', 'Organization', (p) => p.organization.name),
  partnershipColumn.code('kind', 'Kind of organization', 'organizationKind', (p) => p.organization.kind),
  partnershipColumn.code('country', 'Country', 'country', (p) => p.organization.country),
  partnershipColumn.code('stage', 'Stage', 'stage', (p) => p.stage),
  partnershipColumn.date('stage_changed_on', 'Stage since', (p) => p.stageChangedOn),
  partnershipColumn.codes('tracks', 'Tracks', 'track', (p) => p.tracks),
  partnershipColumn.codes('target_countries', 'Target countries', 'country', (p) => p.targetCountries),
  partnershipColumn.text('owner', 'Owner', (p) => p.ownerName),
];

const agreementColumn = columnsOf<Agreement>();
const AGREEMENT_COLUMNS = [
  agreementColumn.text('id', 'ID', (a) => a.id),
  agreementColumn.text('organization', 'Organization', (a) => a.organizationName),
  agreementColumn.code('kind', 'Kind', 'agreementKind', (a) => a.kind),
  agreementColumn.text('reference', 'Reference', (a) => a.reference),
  agreementColumn.text('title', 'Title', (a) => a.title),
  agreementColumn.date('signed_on', 'Signed', (a) => a.signedOn),
  agreementColumn.date('effective_on', 'In force from', (a) => a.effectiveOn),
  agreementColumn.date('expires_on', 'Expires', (a) => a.expiresOn),
  agreementColumn.date('renewal_due_on', 'Renewal due', (a) => a.renewalDueOn),
  {
    // Scripts keep the stored cents; people read the amount in its currency's units.
    ...agreementColumn.number('reimbursement_ceiling_cents', 'Reimbursement ceiling', (a) => a.reimbursementCeilingCents),
    label: (a: Agreement) => (a.reimbursementCeilingCents === null ? null : a.reimbursementCeilingCents / 100),
  },
  agreementColumn.text('currency', 'Currency', (a) => a.currency),
  agreementColumn.code('status', 'Status', 'agreementStatus', (a) => a.status),
];

export function partnershipsRoutes(deps: { partnerships: PartnershipsService; agreements: AgreementsService }) {
  const { partnerships, agreements } = deps;
  return (app: App) => {
    listRoute(app, '/partnerships', {
      tags: ['partnerships'],
      summary: 'List partnerships: filter by stage, track, target country, kind, owner; format=csv exports them all',
      querystring: listPartnershipsQuerySchema,
      item: partnershipSchema,
      table: { name: 'partnerships', title: 'Partnerships', columns: PARTNERSHIP_COLUMNS },
      source: partnerships,
    });

    app.get(
      '/partnerships/board',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'The pipeline by stage, optionally for one kind of organization, country or owner',
          querystring: boardQuerySchema,
          response: { 200: boardSchema },
        },
      },
      async (request) => partnerships.board(contextOf(request), request.query),
    );

    app.post(
      '/partnerships',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'Open a partnership with an organization (one per organization)',
          body: createPartnershipSchema,
          response: { 201: partnershipDetailSchema },
        },
      },
      async (request, reply) => {
        const partnership = await partnerships.create(contextOf(request), request.body);
        return created(reply, `/api/partnerships/${partnership.id}`, partnership);
      },
    );

    app.get(
      '/partnerships/:id',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'A partnership with its stage history and agreements',
          params: idParams,
          response: { 200: partnershipDetailSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await partnerships.get(contextOf(request), request.params.id));
      },
    );

    app.patch(
      '/partnerships/:id',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'Change owner, summary, tracks or target countries (needs If-Match)',
          params: idParams,
          body: updatePartnershipSchema,
          response: { 200: partnershipDetailSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await partnerships.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    app.post(
      '/partnerships/:id/stage-changes',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'Move a partnership to another stage of the pipeline (needs If-Match)',
          params: idParams,
          body: changeStageSchema,
          response: { 200: partnershipDetailSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await partnerships.changeStage(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    listRoute(app, '/agreements', {
      tags: ['partnerships'],
      summary: 'List agreements; renewalDueBy lists those whose renewal falls due by a day',
      querystring: listAgreementsQuerySchema,
      item: agreementSchema,
      table: { name: 'agreements', title: 'Agreements', columns: AGREEMENT_COLUMNS },
      source: agreements,
    });

    app.post(
      '/partnerships/:id/agreements',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'Record an agreement of a partnership',
          params: idParams,
          body: createAgreementSchema,
          response: { 201: agreementSchema },
        },
      },
      async (request, reply) => {
        const agreement = await agreements.create(contextOf(request), request.params.id, request.body);
        return created(reply, `/api/agreements/${agreement.id}`, agreement);
      },
    );

    app.get(
      '/agreements/:id',
      { schema: { tags: ['partnerships'], summary: 'Read an agreement', params: idParams, response: { 200: agreementSchema } } },
      async (request, reply) => {
        return withEtag(reply, await agreements.get(contextOf(request), request.params.id));
      },
    );

    app.patch(
      '/agreements/:id',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'Change an agreement (needs If-Match)',
          params: idParams,
          body: updateAgreementSchema,
          response: { 200: agreementSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await agreements.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );
  };
}
