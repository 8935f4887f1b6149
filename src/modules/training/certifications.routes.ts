import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { type TableColumn } from '../../platform/http/table-export.js';
import { requiredVersion, withEtag } from '../../platform/http/versioning.js';
import { idSchema } from '../../platform/schemas.js';
import { type Certification, certificationSchema, listCertificationsQuerySchema, revokeSchema, transcriptSchema } from './certifications.schemas.js';
import type { CertificationsService } from './certifications.service.js';
import type { EnrollmentsService } from './enrollments.service.js';

const idParams = z.object({ id: idSchema });
const CERTIFICATION_COLUMNS: TableColumn<Certification>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'person', value: (c) => c.person.name },
  { header: 'organization', value: (c) => c.person.organizationName },
  { header: 'credential', value: (c) => c.credential.name },
  { header: 'issued_on', value: (c) => c.issuedOn },
  { header: 'expires_on', value: (c) => c.expiresOn },
  { header: 'status', value: (c) => c.status },
  { header: 'revoked_reason', value: (c) => c.revokedReason },
];

export function certificationsRoutes(deps: { certifications: CertificationsService; enrollments: EnrollmentsService }) {
  const { certifications, enrollments } = deps;
  return (app: App) => {
    listRoute(app, '/certifications', {
      tags: ['training'],
      summary: 'Certifications; expiringWithinDays=90 lists those expiring soon',
      querystring: listCertificationsQuerySchema,
      item: certificationSchema,
      table: { name: 'certifications', columns: CERTIFICATION_COLUMNS },
      source: certifications,
    });
    app.get(
      '/certifications/:id',
      { schema: { tags: ['training'], summary: 'Read a certification', params: idParams, response: { 200: certificationSchema } } },
      async (request, reply) => {
        return withEtag(reply, await certifications.get(contextOf(request), request.params.id));
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
