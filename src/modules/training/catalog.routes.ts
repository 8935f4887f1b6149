import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { requiredVersion, setEtag, withEtag } from '../../platform/http/versioning.js';
import { idSchema, pageSchema } from '../../platform/schemas.js';
import type { CatalogService } from './catalog.service.js';
import { courseDetailSchema, courseSchema, createCourseSchema, listCoursesQuerySchema, updateCourseSchema } from './courses.schemas.js';
import { createCredentialSchema, credentialSchema, updateCredentialSchema } from './credentials.schemas.js';

const idParams = z.object({ id: idSchema });

export function catalogRoutes(deps: { catalog: CatalogService }) {
  const { catalog } = deps;
  return (app: App) => {
    app.get(
      '/credentials',
      { schema: { tags: ['training'], summary: 'Credentials: what a course can certify', response: { 200: z.object({ items: z.array(credentialSchema) }) } } },
      async (request) => ({ items: await catalog.listCredentials(contextOf(request)) }),
    );
    app.post(
      '/credentials',
      { schema: { tags: ['training'], summary: 'Define a credential and its criteria', body: createCredentialSchema, response: { 201: credentialSchema } } },
      async (request, reply) => {
        const credential = await catalog.createCredential(contextOf(request), request.body);
        setEtag(reply, credential.version);
        return reply.status(201).send(credential);
      },
    );
    app.get(
      '/credentials/:id',
      { schema: { tags: ['training'], summary: 'Read a credential', params: idParams, response: { 200: credentialSchema } } },
      async (request, reply) => {
        return withEtag(reply, await catalog.getCredential(contextOf(request), request.params.id));
      },
    );
    app.patch(
      '/credentials/:id',
      { schema: { tags: ['training'], summary: 'Change a credential (needs If-Match)', params: idParams, body: updateCredentialSchema, response: { 200: credentialSchema } } },
      async (request, reply) => {
        return withEtag(reply, await catalog.updateCredential(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );
    app.get(
      '/courses',
      { schema: { tags: ['training'], summary: 'The course catalogue', querystring: listCoursesQuerySchema, response: { 200: pageSchema(courseSchema) } } },
      async (request) => catalog.listCourses(contextOf(request), request.query),
    );
    app.post(
      '/courses',
      { schema: { tags: ['training'], summary: 'Add a course (version 1)', body: createCourseSchema, response: { 201: courseDetailSchema } } },
      async (request, reply) => {
        const course = await catalog.createCourse(contextOf(request), request.body);
        setEtag(reply, course.version);
        return reply.status(201).send(course);
      },
    );
    app.get(
      '/courses/:id',
      { schema: { tags: ['training'], summary: 'A course with its versions', params: idParams, response: { 200: courseDetailSchema } } },
      async (request, reply) => {
        return withEtag(reply, await catalog.getCourse(contextOf(request), request.params.id));
      },
    );
    app.patch(
      '/courses/:id',
      { schema: { tags: ['training'], summary: 'Change a course; new content makes a new version (needs If-Match)', params: idParams, body: updateCourseSchema, response: { 200: courseDetailSchema } } },
      async (request, reply) => {
        return withEtag(reply, await catalog.updateCourse(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );
  };
}
