import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { requiredVersion, setEtag } from '../../platform/http/versioning.js';
import { idSchema, pageSchema } from '../../platform/schemas.js';
import { certificationSchema, listCertificationsQuerySchema, revokeSchema, transcriptSchema } from './certifications.schemas.js';
import type { CertificationsService } from './certifications.service.js';
import type { EnrollmentsService } from './enrollments.service.js';

const idParams = z.object({ id: idSchema });

export function certificationsRoutes(deps: { certifications: CertificationsService; enrollments: EnrollmentsService }) {
  const { certifications, enrollments } = deps;
  return (app: App) => {
    app.get(
      '/certifications',
      {
        schema: {
          tags: ['training'],
          summary: 'Certifications; expiringWithinDays=90 lists those expiring soon',
          querystring: listCertificationsQuerySchema,
          response: { 200: pageSchema(certificationSchema) },
        },
      },
      async (request) => certifications.list(contextOf(request), request.query),
    );
    app.get(
      '/certifications/:id',
      { schema: { tags: ['training'], summary: 'Read a certification', params: idParams, response: { 200: certificationSchema } } },
      async (request, reply) => {
        const certification = await certifications.get(contextOf(request), request.params.id);
        setEtag(reply, certification.version);
        return certification;
      },
    );
    app.post(
      '/certifications/:id/revocation',
      { schema: { tags: ['training'], summary: 'Revoke a certification, with the reason (needs If-Match)', params: idParams, body: revokeSchema, response: { 200: certificationSchema } } },
      async (request) => certifications.revoke(contextOf(request), request.params.id, requiredVersion(request), request.body.reason),
    );
    app.get(
      '/people/:id/transcript',
      { schema: { tags: ['training'], summary: 'A person’s courses, results and certifications', params: idParams, response: { 200: transcriptSchema } } },
      async (request) => enrollments.transcript(contextOf(request), request.params.id),
    );
  };
}
