import { z } from 'zod';

import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { columnsOf } from '../../platform/http/table-export.js';
import { created, requiredVersion, setEtag, withEtag } from '../../platform/http/versioning.js';
import { idSchema } from '../../platform/schemas.js';
import type { AssignmentsService } from './assignments.service.js';
import type { DeploymentReportsService } from './deployment-reports.service.js';
import {
  assignmentSchema,
  candidateSchema,
  candidatesQuerySchema,
  changeAssignmentStatusSchema,
  changeDeploymentStatusSchema,
  createDeploymentSchema,
  createRotationSchema,
  type Deployment,
  deploymentDetailSchema,
  deploymentSchema,
  extendAssignmentSchema,
  listDeploymentsQuerySchema,
  nominateSchema,
  personDaysQuerySchema,
  personDaysSchema,
  timelineQuerySchema,
  updateDeploymentSchema,
  updateRotationSchema,
} from './deployments.schemas.js';
import type { DeploymentsService } from './deployments.service.js';

const idParams = z.object({ id: idSchema });

const column = columnsOf<Deployment>();
const DEPLOYMENT_COLUMNS = [
  column.text('id', 'ID', (d) => d.id),
  column.text('title', 'Title', (d) => d.title),
  column.code('host_country', 'Host country', 'country', (d) => d.hostCountry),
  column.text('host_organization', 'Host organization', (d) => d.hostOrganization?.name),
  column.code('status', 'Status', 'deploymentStatus', (d) => d.status),
  column.date('start_on', 'Starts', (d) => d.startOn),
  column.date('end_on', 'Ends', (d) => d.endOn),
  column.codes('purposes', 'Purposes', 'purpose', (d) => d.purposes),
  column.number('authorized', 'Authorized headcount', (d) => d.rotations.reduce((sum, r) => sum + r.authorizedHeadcount, 0)),
  column.number('deployed', 'Deployed', (d) => d.rotations.reduce((sum, r) => sum + r.deployedCount, 0)),
  column.number('person_days', 'Person-days', (d) => d.personDays),
];
const rotationParams = z.object({ id: idSchema, rotationId: idSchema });
const assignmentParams = z.object({ id: idSchema, assignmentId: idSchema });

export function deploymentsRoutes(deps: { deployments: DeploymentsService; assignments: AssignmentsService; deploymentReports: DeploymentReportsService }) {
  const { deployments, assignments, deploymentReports } = deps;
  return (app: App) => {
    listRoute(app, '/deployments', {
      tags: ['deployments'],
      summary: 'List deployments, newest first; format=csv exports them all',
      querystring: listDeploymentsQuerySchema,
      item: deploymentSchema,
      table: { name: 'deployments', title: 'Deployments', columns: DEPLOYMENT_COLUMNS },
      source: deployments,
    });

    app.get(
      '/deployments/timeline',
      {
        schema: {
          tags: ['deployments'],
          summary: 'Assignments running between two days, for the calendar',
          querystring: timelineQuerySchema,
          response: { 200: z.object({ items: z.array(assignmentSchema) }) },
        },
      },
      async (request) => ({ items: await deploymentReports.timeline(contextOf(request), request.query) }),
    );

    app.get(
      '/deployments/person-days',
      {
        schema: {
          tags: ['deployments'],
          summary: 'Person-days deployed by deployment, country, organization or year',
          querystring: personDaysQuerySchema,
          response: { 200: personDaysSchema },
        },
      },
      async (request) => deploymentReports.personDays(contextOf(request), request.query),
    );

    app.post(
      '/deployments',
      {
        schema: { tags: ['deployments'], summary: 'Plan a deployment (its first rotation comes with it)', body: createDeploymentSchema, response: { 201: deploymentDetailSchema } },
      },
      async (request, reply) => {
        const deployment = await deployments.create(contextOf(request), request.body);
        return created(reply, `/api/deployments/${deployment.id}`, deployment);
      },
    );

    app.get(
      '/deployments/:id',
      { schema: { tags: ['deployments'], summary: 'A deployment with its rotations, assignments and history', params: idParams, response: { 200: deploymentDetailSchema } } },
      async (request, reply) => {
        return withEtag(reply, await deployments.get(contextOf(request), request.params.id));
      },
    );

    app.patch(
      '/deployments/:id',
      {
        schema: { tags: ['deployments'], summary: 'Change a deployment (needs If-Match)', params: idParams, body: updateDeploymentSchema, response: { 200: deploymentDetailSchema } },
      },
      async (request, reply) => {
        return withEtag(reply, await deployments.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    app.post(
      '/deployments/:id/status-changes',
      {
        schema: {
          tags: ['deployments'],
          summary: 'Move a deployment through planning → staffing → predeployment → in_country → completed, or cancel it (needs If-Match)',
          params: idParams,
          body: changeDeploymentStatusSchema,
          response: { 200: deploymentDetailSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await deployments.changeStatus(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    app.post(
      '/deployments/:id/rotations',
      { schema: { tags: ['deployments'], summary: 'Add the next rotation', params: idParams, body: createRotationSchema, response: { 201: deploymentDetailSchema } } },
      async (request, reply) => reply.status(201).send(await deployments.addRotation(contextOf(request), request.params.id, request.body)),
    );

    app.patch(
      '/deployments/:id/rotations/:rotationId',
      {
        schema: {
          tags: ['deployments'],
          summary: 'Change a rotation’s dates or authorized headcount (needs If-Match with the rotation’s version)',
          params: rotationParams,
          body: updateRotationSchema,
          response: { 200: deploymentDetailSchema },
        },
      },
      async (request) => deployments.updateRotation(contextOf(request), request.params.id, request.params.rotationId, requiredVersion(request), request.body),
    );

    app.get(
      '/deployments/:id/candidates',
      {
        schema: {
          tags: ['deployments'],
          summary: 'People ranked for a rotation by language, heritage, specialty, availability and readiness, each score explained',
          params: idParams,
          querystring: candidatesQuerySchema,
          response: { 200: z.object({ items: z.array(candidateSchema) }) },
        },
      },
      async (request) => ({ items: await assignments.candidates(contextOf(request), request.params.id, request.query) }),
    );

    app.get(
      '/deployments/:id/assignments',
      { schema: { tags: ['deployments'], summary: 'The assignments of a deployment', params: idParams, response: { 200: z.object({ items: z.array(assignmentSchema) }) } } },
      async (request) => ({ items: await assignments.list(contextOf(request), request.params.id) }),
    );

    app.post(
      '/deployments/:id/assignments',
      { schema: { tags: ['deployments'], summary: 'Nominate a person', params: idParams, body: nominateSchema, response: { 201: assignmentSchema } } },
      async (request, reply) => {
        const assignment = await assignments.nominate(contextOf(request), request.params.id, request.body);
        setEtag(reply, assignment.version);
        return reply.status(201).send(assignment);
      },
    );

    app.post(
      '/deployments/:id/assignments/:assignmentId/status-changes',
      {
        schema: {
          tags: ['deployments'],
          summary: 'Select, mark ready, deploy, return or withdraw an officer (needs If-Match)',
          params: assignmentParams,
          body: changeAssignmentStatusSchema,
          response: { 200: assignmentSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await assignments.changeStatus(
          contextOf(request),
          request.params.id,
          request.params.assignmentId,
          requiredVersion(request),
          request.body,
        ));
      },
    );

    app.post(
      '/deployments/:id/assignments/:assignmentId/extensions',
      {
        schema: {
          tags: ['deployments'],
          summary: 'Extend an assignment (needs If-Match)',
          params: assignmentParams,
          body: extendAssignmentSchema,
          response: { 200: assignmentSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await assignments.extend(contextOf(request), request.params.id, request.params.assignmentId, requiredVersion(request), request.body));
      },
    );

    app.get(
      '/people/:id/assignments',
      { schema: { tags: ['people'], summary: 'A person’s assignments, for their timeline', params: idParams, response: { 200: z.object({ items: z.array(assignmentSchema) }) } } },
      async (request) => ({ items: await assignments.forPerson(contextOf(request), request.params.id) }),
    );
  };
}
