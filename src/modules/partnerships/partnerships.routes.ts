import { z } from 'zod';

import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
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

const PARTNERSHIP_COLUMNS = [
  { header: 'id', value: (p: Partnership) => p.id },
  { header: 'organization', value: (p: Partnership) => p.organization.name },
  { header: 'kind', value: (p: Partnership) => p.organization.kind },
  { header: 'country', value: (p: Partnership) => p.organization.country },
  { header: 'stage', value: (p: Partnership) => p.stage },
  { header: 'stage_changed_on', value: (p: Partnership) => p.stageChangedOn },
  { header: 'tracks', value: (p: Partnership) => p.tracks.join(' ') },
  { header: 'target_countries', value: (p: Partnership) => p.targetCountries.join(' ') },
  { header: 'owner', value: (p: Partnership) => p.ownerName },
];

const AGREEMENT_COLUMNS = [
  { header: 'id', value: (a: Agreement) => a.id },
  { header: 'organization', value: (a: Agreement) => a.organizationName },
  { header: 'kind', value: (a: Agreement) => a.kind },
  { header: 'reference', value: (a: Agreement) => a.reference },
  { header: 'title', value: (a: Agreement) => a.title },
  { header: 'signed_on', value: (a: Agreement) => a.signedOn },
  { header: 'effective_on', value: (a: Agreement) => a.effectiveOn },
  { header: 'expires_on', value: (a: Agreement) => a.expiresOn },
  { header: 'renewal_due_on', value: (a: Agreement) => a.renewalDueOn },
  { header: 'reimbursement_ceiling_cents', value: (a: Agreement) => a.reimbursementCeilingCents },
  { header: 'currency', value: (a: Agreement) => a.currency },
  { header: 'status', value: (a: Agreement) => a.status },
];

export function partnershipsRoutes(deps: { partnerships: PartnershipsService; agreements: AgreementsService }) {
  const { partnerships, agreements } = deps;
  return (app: App) => {
    listRoute(app, '/partnerships', {
      tags: ['partnerships'],
      summary: 'List partnerships: filter by stage, track, target country, kind, owner; format=csv exports them all',
      querystring: listPartnershipsQuerySchema,
      item: partnershipSchema,
      table: { name: 'partnerships', columns: PARTNERSHIP_COLUMNS },
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
      table: { name: 'agreements', columns: AGREEMENT_COLUMNS },
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
