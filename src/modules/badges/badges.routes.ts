import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { systemContext } from '../../platform/access.js';
import { requiredVersion } from '../../platform/http/versioning.js';
import { idSchema } from '../../platform/schemas.js';
import { withEtag } from '../../platform/http/versioning.js';
import {
  certificateSummarySchema,
  endorsementSchema,
  endorseSchema,
  issuerProfileSchema,
  updateIssuerProfileSchema,
  verificationSchema,
  verifyPdfRequestSchema,
  verifyRequestSchema,
  withdrawSchema,
} from './badges.schemas.js';
import type { BadgesService } from './badges.service.js';
import { CERTIFICATE_LANGUAGES } from './certificate-wording.js';
import type { EndorsementsService } from './endorsements.service.js';
import type { IssuerProfilesService } from './issuer-profiles.service.js';
import { claimsOf } from './verdict.js';

const idParams = z.object({ id: idSchema });
const anyJson = z.record(z.string(), z.unknown());
/** Lazily issuing a missing credential for a public request is Cadre's own act, audited as such. */
const publicActor = systemContext('public verification');

/** A day: a mark's URL changes with the mark (see BadgeUrls.mark), and the ETag answers revalidation. */
const MARK_CACHE = 'public, max-age=86400';

export function badgesRoutes(deps: { badges: BadgesService; endorsements: EndorsementsService; issuerProfiles: IssuerProfilesService }) {
  const { badges, endorsements, issuerProfiles } = deps;
  const open = { isPublic: true } as const;
  return (app: App) => {
    app.get(
      '/public/certificates/:id',
      { config: open, schema: { tags: ['public'], summary: 'What a certificate says and whether it stands today (anyone)', security: [], params: idParams, response: { 200: certificateSummarySchema } } },
      async (request) => badges.publicSummary(request.params.id, publicActor, request.locale),
    );
    app.get(
      '/public/credentials/:id',
      { config: open, schema: { tags: ['public'], summary: 'The signed Open Badges 3.0 credential (Data Integrity, eddsa-rdfc-2022)', security: [], params: idParams } },
      async (request, reply) => {
        const credential = await badges.credentialJson(request.params.id, publicActor);
        return reply.type('application/vc+ld+json').header('content-disposition', `inline; filename="credential-${request.params.id}.json"`).send(JSON.stringify(credential, null, 2));
      },
    );
    app.get(
      '/public/credentials/:id/jwt',
      { config: open, schema: { tags: ['public'], summary: 'The same credential as a VC-JWT (RS256)', security: [], params: idParams } },
      async (request, reply) => reply.type('application/vc+jwt').send(await badges.credentialJwt(request.params.id, publicActor)),
    );
    app.get(
      '/public/credentials/:id/pdf',
      {
        config: open,
        schema: { tags: ['public'], summary: 'A printable certificate with a QR code to verify it', security: [], params: idParams, querystring: z.object({ lang: z.enum(CERTIFICATE_LANGUAGES).optional() }) },
      },
      async (request, reply) =>
        reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="certificate-${request.params.id}.pdf"`)
          .send(await badges.pdf(request.params.id, publicActor, request.query.lang, request.locale)),
    );
    app.post(
      '/public/verifications',
      {
        config: open,
        // A certificate PDF comes base64-encoded in the JSON body: one shape for every request, at most 3 MB of PDF.
        bodyLimit: 5 * 1024 * 1024,
        schema: {
          tags: ['public'],
          summary: 'Verify a credential (JSON or VC-JWT), or the one a certificate PDF carries: signature, dates, revocation, review, and the verdict',
          security: [],
          body: z.union([verifyRequestSchema, verifyPdfRequestSchema]),
          response: { 200: verificationSchema },
        },
      },
      async (request) => {
        const result = await badges.verify(request.body, request.locale);
        return { isVerified: result.isVerified, format: result.format, checks: result.checks, summary: claimsOf(result.credential), verdict: result.verdict };
      },
    );
    app.get(
      '/public/issuers/:id',
      { config: open, schema: { tags: ['public'], summary: 'An issuer’s profile and controller document: its verification keys and endorsements', security: [], params: idParams, response: { 200: anyJson } } },
      async (request) => badges.issuerDocument(request.params.id),
    );
    app.get(
      '/public/issuers/:id/jwks.json',
      { config: open, schema: { tags: ['public'], summary: 'An issuer’s keys for VC-JWTs (JWKS)', security: [], params: idParams, response: { 200: z.object({ keys: z.array(anyJson) }) } } },
      async (request) => badges.issuerJwks(request.params.id),
    );
    app.get(
      '/public/issuers/:id/status/revocation',
      { config: open, schema: { tags: ['public'], summary: 'An issuer’s revocation list (W3C Bitstring Status List), signed', security: [], params: idParams, response: { 200: anyJson } } },
      async (request) => badges.statusListCredential(request.params.id),
    );

    app.get(
      '/public/issuers/:id/mark',
      {
        config: open,
        schema: { tags: ['public'], summary: 'An issuer’s mark (PNG or JPEG), as printed on its certificates', security: [], params: idParams, querystring: z.object({ v: z.string().max(64).optional() }) },
      },
      async (request, reply) => {
        const mark = await issuerProfiles.mark(request.params.id);
        const etag = `"${mark.digest}"`;
        reply.header('cache-control', MARK_CACHE).header('etag', etag).header('x-content-type-options', 'nosniff');
        if (request.headers['if-none-match'] === etag) return reply.status(304).send();
        return reply.type(mark.type).send(mark.bytes);
      },
    );

    app.get(
      '/issuers',
      { schema: { tags: ['badges'], summary: 'The organizations that issue credentials, with the mark and signatory on their certificates', response: { 200: z.object({ items: z.array(issuerProfileSchema) }) } } },
      async (request) => ({ items: await issuerProfiles.list(contextOf(request)) }),
    );
    app.get(
      '/issuers/:id',
      { schema: { tags: ['badges'], summary: 'One issuer’s certificate mark and signatory', params: idParams, response: { 200: issuerProfileSchema } } },
      async (request, reply) => withEtag(reply, await issuerProfiles.get(contextOf(request), request.params.id)),
    );
    app.patch(
      '/issuers/:id',
      {
        schema: {
          tags: ['badges'],
          summary: 'Set or clear an issuer’s mark and signatory (needs If-Match)',
          params: idParams,
          body: updateIssuerProfileSchema,
          response: { 200: issuerProfileSchema },
        },
      },
      async (request, reply) => withEtag(reply, await issuerProfiles.update(contextOf(request), request.params.id, requiredVersion(request), request.body)),
    );

    app.get(
      '/endorsements',
      { schema: { tags: ['badges'], summary: 'Organizations endorsed to issue under the program’s standard', response: { 200: z.object({ items: z.array(endorsementSchema) }) } } },
      async (request) => ({ items: await endorsements.list(contextOf(request)) }),
    );
    app.post(
      '/endorsements',
      { schema: { tags: ['badges'], summary: 'Endorse an organization to issue a credential under the program’s standard', body: endorseSchema, response: { 201: endorsementSchema } } },
      async (request, reply) => reply.status(201).send(await endorsements.endorse(contextOf(request), request.body)),
    );
    app.post(
      '/endorsements/:id/withdrawal',
      {
        schema: {
          tags: ['badges'],
          summary: 'Withdraw an endorsement; everything issued under it is flagged for review (needs If-Match)',
          params: idParams,
          body: withdrawSchema,
          response: { 200: endorsementSchema },
        },
      },
      async (request) => endorsements.withdraw(contextOf(request), request.params.id, requiredVersion(request), request.body.reason),
    );
  };
}
