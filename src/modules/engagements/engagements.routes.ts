import { z } from 'zod';

import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { columnsOf } from '../../platform/http/table-export.js';
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

const engagementColumn = columnsOf<Engagement>();
const ENGAGEMENT_COLUMNS = [
  engagementColumn.text('id', 'ID', (e) => e.id),
  engagementColumn.date('occurred_on', 'Date', (e) => e.occurredOn),
  engagementColumn.text('organization', 'Organization', (e) => e.organization.name),
  engagementColumn.code('kind', 'Kind', 'engagementKind', (e) => e.kind),
  engagementColumn.text('title', 'Title', (e) => e.title),
  engagementColumn.text('location', 'Location', (e) => e.location),
  engagementColumn.text('participants', 'Participants', (e) => e.participants.map((p) => (p.title ? `${p.name} (${p.title})` : p.name)).join('; ')),
  engagementColumn.text('outcome', 'Outcome', (e) => e.outcome),
];

const taskColumn = columnsOf<Task>();
const TASK_COLUMNS = [
  taskColumn.text('id', 'ID', (t) => t.id),
  taskColumn.text('title', 'Follow-up', (t) => t.title),
  taskColumn.date('due_on', 'Due', (t) => t.dueOn),
  taskColumn.code('status', 'Status', 'taskStatus', (t) => t.status),
  taskColumn.boolean('overdue', 'Overdue', (t) => t.isOverdue),
  taskColumn.text('owner', 'Owner', (t) => t.ownerName),
  taskColumn.text('organization', 'Organization', (t) => t.organizationName),
  taskColumn.text('engagement', 'Engagement', (t) => t.engagementTitle),
];

export function engagementsRoutes(deps: { engagements: EngagementsService; tasks: TasksService }) {
  const { engagements, tasks } = deps;
  return (app: App) => {
    listRoute(app, '/engagements', {
      tags: ['engagements'],
      summary: 'List meetings, calls and visits with partners, newest first; format=csv exports them all',
      querystring: listEngagementsQuerySchema,
      item: engagementSchema,
      table: { name: 'engagements', title: 'Engagements', columns: ENGAGEMENT_COLUMNS },
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
      table: { name: 'tasks', title: 'Follow-ups', columns: TASK_COLUMNS },
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
