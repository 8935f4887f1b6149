import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { created, requiredVersion, withEtag } from '../../platform/http/versioning.js';
import { idSchema } from '../../platform/schemas.js';
import {
  createOrganizationSchema,
  listOrganizationsQuerySchema,
  type Organization,
  organizationSchema,
  updateOrganizationSchema,
} from './organizations.schemas.js';
import type { OrganizationsService } from './organizations.service.js';

const idParams = z.object({ id: idSchema });
const archiveBody = z.strictObject({ isArchived: z.boolean() });

const TABLE_COLUMNS = [
  { header: 'id', value: (o: Organization) => o.id },
  { header: 'name', value: (o: Organization) => o.name },
  { header: 'acronym', value: (o: Organization) => o.acronym },
  { header: 'kind', value: (o: Organization) => o.kind },
  { header: 'country', value: (o: Organization) => o.country },
  { header: 'subdivision', value: (o: Organization) => o.subdivision },
  { header: 'city', value: (o: Organization) => o.city },
  { header: 'website', value: (o: Organization) => o.website },
  { header: 'archived_at', value: (o: Organization) => o.archivedAt },
  { header: 'created_at', value: (o: Organization) => o.createdAt },
];

export function organizationsRoutes(deps: { organizations: OrganizationsService }) {
  const service = deps.organizations;
  return (app: App) => {
    listRoute(app, '/organizations', {
      tags: ['organizations'],
      summary: 'List organizations: search, filter, sort, page; format=csv exports them all',
      querystring: listOrganizationsQuerySchema,
      item: organizationSchema,
      table: { name: 'organizations', columns: TABLE_COLUMNS },
      source: service,
    });

    app.post(
      '/organizations',
      {
        schema: {
          tags: ['organizations'],
          summary: 'Create an organization',
          body: createOrganizationSchema,
          response: { 201: organizationSchema },
        },
      },
      async (request, reply) => {
        const organization = await service.create(contextOf(request), request.body);
        return created(reply, `/api/organizations/${organization.id}`, organization);
      },
    );

    app.get(
      '/organizations/:id',
      { schema: { tags: ['organizations'], summary: 'Read an organization', params: idParams, response: { 200: organizationSchema } } },
      async (request, reply) => {
        return withEtag(reply, await service.get(contextOf(request), request.params.id));
      },
    );

    app.patch(
      '/organizations/:id',
      {
        schema: {
          tags: ['organizations'],
          summary: 'Change an organization (needs If-Match)',
          params: idParams,
          body: updateOrganizationSchema,
          response: { 200: organizationSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await service.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    app.put(
      '/organizations/:id/archived',
      {
        schema: {
          tags: ['organizations'],
          summary: 'Archive or restore an organization (needs If-Match)',
          params: idParams,
          body: archiveBody,
          response: { 200: organizationSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await service.setArchived(
          contextOf(request),
          request.params.id,
          requiredVersion(request),
          request.body.isArchived,
        ));
      },
    );
  };
}
