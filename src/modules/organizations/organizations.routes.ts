import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { columnsOf } from '../../platform/http/table-export.js';
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

const column = columnsOf<Organization>();
const TABLE_COLUMNS = [
  column.text('id', 'ID', (o) => o.id),
  column.text('name', 'Name', (o) => o.name),
  column.text('acronym', 'Acronym', (o) => o.acronym),
  column.code('kind', 'Kind', 'organizationKind', (o) => o.kind),
  column.code('country', 'Country', 'country', (o) => o.country),
  column.text('subdivision', 'State or province', (o) => o.subdivision),
  column.text('city', 'City', (o) => o.city),
  column.text('website', 'Website', (o) => o.website),
  column.instant('archived_at', 'Archived (UTC)', (o) => o.archivedAt),
  column.instant('created_at', 'Added (UTC)', (o) => o.createdAt),
];

export function organizationsRoutes(deps: { organizations: OrganizationsService }) {
  const service = deps.organizations;
  return (app: App) => {
    listRoute(app, '/organizations', {
      tags: ['organizations'],
      summary: 'List organizations: search, filter, sort, page; format=csv exports them all',
      querystring: listOrganizationsQuerySchema,
      item: organizationSchema,
      table: { name: 'organizations', title: 'Organizations', columns: TABLE_COLUMNS },
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
