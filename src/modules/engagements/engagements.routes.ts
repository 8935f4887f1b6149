import { z } from 'zod';

import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { created, requiredVersion, withEtag } from '../../platform/http/versioning.js';
import { idSchema } from '../../platform/schemas.js';
import {
  createEngagementSchema,
  createTaskSchema,
  type Engagement,
  engagementDetailSchema,
  engagementSchema,
  listEngagementsQuerySchema,
  listTasksQuerySchema,
  type Task,
  taskSchema,
  updateEngagementSchema,
  updateTaskSchema,
  withdrawEngagementSchema,
} from './engagements.schemas.js';
import type { EngagementsService } from './engagements.service.js';
import type { TasksService } from './tasks.service.js';

const idParams = z.object({ id: idSchema });

const ENGAGEMENT_COLUMNS = [
  { header: 'id', value: (e: Engagement) => e.id },
  { header: 'occurred_on', value: (e: Engagement) => e.occurredOn },
  { header: 'organization', value: (e: Engagement) => e.organization.name },
  { header: 'kind', value: (e: Engagement) => e.kind },
  { header: 'title', value: (e: Engagement) => e.title },
  { header: 'location', value: (e: Engagement) => e.location },
  { header: 'participants', value: (e: Engagement) => e.participants.map((p) => (p.title ? `${p.name} (${p.title})` : p.name)).join('; ') },
  { header: 'outcome', value: (e: Engagement) => e.outcome },
];

const TASK_COLUMNS = [
  { header: 'id', value: (t: Task) => t.id },
  { header: 'title', value: (t: Task) => t.title },
  { header: 'due_on', value: (t: Task) => t.dueOn },
  { header: 'status', value: (t: Task) => t.status },
  { header: 'overdue', value: (t: Task) => (t.isOverdue ? 'yes' : 'no') },
  { header: 'owner', value: (t: Task) => t.ownerName },
  { header: 'organization', value: (t: Task) => t.organizationName },
  { header: 'engagement', value: (t: Task) => t.engagementTitle },
];

export function engagementsRoutes(deps: { engagements: EngagementsService; tasks: TasksService }) {
  const { engagements, tasks } = deps;
  return (app: App) => {
    listRoute(app, '/engagements', {
      tags: ['engagements'],
      summary: 'List meetings, calls and visits with partners, newest first; format=csv exports them all',
      querystring: listEngagementsQuerySchema,
      item: engagementSchema,
      table: { name: 'engagements', columns: ENGAGEMENT_COLUMNS },
      source: engagements,
    });

    app.post(
      '/engagements',
      {
        schema: {
          tags: ['engagements'],
          summary: 'Log an engagement with its participants and follow-up tasks',
          body: createEngagementSchema,
          response: { 201: engagementDetailSchema },
        },
      },
      async (request, reply) => {
        const engagement = await engagements.create(contextOf(request), request.body);
        return created(reply, `/api/engagements/${engagement.id}`, engagement);
      },
    );

    app.get(
      '/engagements/:id',
      {
        schema: { tags: ['engagements'], summary: 'An engagement with its follow-up tasks', params: idParams, response: { 200: engagementDetailSchema } },
      },
      async (request, reply) => {
        return withEtag(reply, await engagements.get(contextOf(request), request.params.id));
      },
    );

    app.patch(
      '/engagements/:id',
      {
        schema: {
          tags: ['engagements'],
          summary: 'Change an engagement (needs If-Match)',
          params: idParams,
          body: updateEngagementSchema,
          response: { 200: engagementDetailSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await engagements.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    app.post(
      '/engagements/:id/withdrawal',
      {
        schema: {
          tags: ['engagements'],
          summary: 'Withdraw a meeting logged in error (needs If-Match): kept on record, counted nowhere; its open follow-ups are cancelled',
          params: idParams,
          body: withdrawEngagementSchema,
          response: { 200: engagementDetailSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await engagements.withdraw(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    listRoute(app, '/tasks', {
      tags: ['engagements'],
      summary: 'List follow-up tasks by due date; isOverdue=true lists the overdue ones',
      querystring: listTasksQuerySchema,
      item: taskSchema,
      table: { name: 'tasks', columns: TASK_COLUMNS },
      source: tasks,
    });

    app.post(
      '/tasks',
      { schema: { tags: ['engagements'], summary: 'Create a follow-up task', body: createTaskSchema, response: { 201: taskSchema } } },
      async (request, reply) => {
        const task = await tasks.create(contextOf(request), request.body);
        return created(reply, `/api/tasks/${task.id}`, task);
      },
    );

    app.get(
      '/tasks/:id',
      { schema: { tags: ['engagements'], summary: 'Read a task', params: idParams, response: { 200: taskSchema } } },
      async (request, reply) => {
        return withEtag(reply, await tasks.get(contextOf(request), request.params.id));
      },
    );

    app.patch(
      '/tasks/:id',
      {
        schema: {
          tags: ['engagements'],
          summary: 'Change a task, or mark it done or cancelled (needs If-Match)',
          params: idParams,
          body: updateTaskSchema,
          response: { 200: taskSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await tasks.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );
  };
}
