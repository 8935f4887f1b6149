import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { columnsOf } from '../../platform/http/table-export.js';
import { requiredVersion, withEtag } from '../../platform/http/versioning.js';
import { idSchema } from '../../platform/schemas.js';
import { type Certification, certificationSchema, listCertificationsQuerySchema, revokeSchema, transcriptSchema } from './certifications.schemas.js';
import type { CertificationsService } from './certifications.service.js';
import type { EnrollmentsService } from './enrollments.service.js';

const idParams = z.object({ id: idSchema });
const column = columnsOf<Certification>();
const CERTIFICATION_COLUMNS = [
  column.text('id', 'ID', (c) => c.id),
  column.text('person', 'Person', (c) => c.person.name),
  column.text('organization', 'Organization', (c) => c.person.organizationName),
  column.text('credential', 'Credential', (c) => c.credential.name),
  column.date('issued_on', 'Issued', (c) => c.issuedOn),
  column.date('expires_on', 'Expires', (c) => c.expiresOn),
  column.code('status', 'Status', 'certificationStatus', (c) => c.status),
  column.text('revoked_reason', 'Reason revoked', (c) => c.revokedReason),
];

export function certificationsRoutes(deps: { certifications: CertificationsService; enrollments: EnrollmentsService }) {
  const { certifications, enrollments } = deps;
  return (app: App) => {
    listRoute(app, '/certifications', {
      tags: ['training'],
      summary: 'Certifications; expiringWithinDays=90 lists those expiring soon',
      querystring: listCertificationsQuerySchema,
      item: certificationSchema,
      table: { name: 'certifications', title: 'Certifications', columns: CERTIFICATION_COLUMNS },
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
