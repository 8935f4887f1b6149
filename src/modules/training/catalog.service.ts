import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { type Page, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { CredentialsTable, DB } from '../../platform/db/schema.js';
import { conflict, invalid, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Selectable } from 'kysely';
import type { Course, CreateCourseInput, ListCoursesQuery, UpdateCourseInput } from './courses.schemas.js';
import type { CreateCredentialInput, Credential, UpdateCredentialInput } from './credentials.schemas.js';
import { coursesPolicy, credentialsPolicy } from './training.policy.js';
import { type CourseRowWithVersion, coursesRepository, credentialsRepository } from './training.repository.js';
import { trainingText } from './training.messages.js';
import { courseChanged } from '../cascade/cascade.upkeep.js';

export interface CatalogDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
}

/** A credential as the API shows it, with what the caller may do to it (none in an audit event). */
export function toCredential(row: Selectable<CredentialsTable>, allowedActions: Credential['allowedActions'] = []): Credential {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    criteria: row.criteria,
    track: row.track,
    validityMonths: row.validity_months,
    passMark: row.pass_mark,
    minAttendancePercent: row.min_attendance_percent,
    coTeachingsBeforeLead: row.co_teachings_before_lead,
    translations: JSON.parse(row.translations) as Credential['translations'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions,
  };
}

function toCourse(row: CourseRowWithVersion, allowedActions: Course['allowedActions'] = []): Course {
  return {
    id: row.id,
    code: row.code,
    track: row.track,
    level: row.level,
    language: row.language,
    title: row.title,
    hours: row.hours,
    description: row.description,
    currentVersion: row.current_version,
    grantsCredential: row.grants_credential_id ? { id: row.grants_credential_id, name: row.grants_name ?? '' } : null,
    requiresCredential: row.requires_credential_id ? { id: row.requires_credential_id, name: row.requires_name ?? '' } : null,
    isArchived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions,
  };
}

const nameTaken = (name: string) => conflict(trainingText('credential.nameTaken', { name }), [{ pointer: '/body/name', detail: trainingText('credential.nameTakenField') }]);
const codeTaken = (code: string) => conflict(trainingText('course.codeTaken', { code }), [{ pointer: '/body/code', detail: trainingText('course.codeTakenField') }]);
const unknownCredential = (pointer: string) => invalid(trainingText('credential.unknown'), [{ pointer, detail: trainingText('credential.notACredential') }]);

/** Credentials (what is earned) and courses (what is taught), with their versions. */
export function createCatalogService({ db, clock, audit }: CatalogDeps) {
  const presentCredential = (ctx: RequestContext, row: Selectable<CredentialsTable>) => toCredential(row, credentialsPolicy.allowedActions(ctx.actor, row));
  const presentCourse = (ctx: RequestContext, row: CourseRowWithVersion) => toCourse(row, coursesPolicy.allowedActions(ctx.actor, row));

  async function credentialRow(id: string, executor: Kysely<DB> = db) {
    const row = await credentialsRepository(executor).findById(id);
    if (!row) throw notFound('credential');
    return row;
  }

  async function courseRow(id: string, executor: Kysely<DB> = db) {
    const row = await coursesRepository(executor).findById(id);
    if (!row) throw notFound('course');
    return row;
  }

  async function checkCredentialRefs(trx: Kysely<DB>, input: { grantsCredentialId?: string | null | undefined; requiresCredentialId?: string | null | undefined }) {
    for (const [field, id] of [['grantsCredentialId', input.grantsCredentialId], ['requiresCredentialId', input.requiresCredentialId]] as const) {
      if (id && !(await credentialsRepository(trx).findById(id))) throw unknownCredential(`/body/${field}`);
    }
  }

  async function courseDetail(ctx: RequestContext, row: CourseRowWithVersion, executor: Kysely<DB> = db) {
    const versions = await coursesRepository(executor).versions(row.id);
    return {
      ...presentCourse(ctx, row),
      versions: versions.map((v) => ({ id: v.id, number: v.number, title: v.title, hours: v.hours, description: v.description, createdAt: v.created_at })),
    };
  }

  return {
    async listCredentials(ctx: RequestContext): Promise<Credential[]> {
      credentialsPolicy.requireAllowed(ctx.actor, 'read');
      return (await credentialsRepository(db).list()).map((row) => presentCredential(ctx, row));
    },

    async getCredential(ctx: RequestContext, id: string): Promise<Credential> {
      credentialsPolicy.requireAllowed(ctx.actor, 'read');
      return presentCredential(ctx, await credentialRow(id));
    },

    /** For other services: the credential's rules, without an access check. */
    credentialRules: credentialRow,

    /** For other services: the credential a request names, or a problem pointing at the field. */
    async requireCredential(id: string, pointer: string, executor: Kysely<DB> = db) {
      const row = await credentialsRepository(executor).findById(id);
      if (!row) throw unknownCredential(pointer);
      return { id: row.id, name: row.name };
    },

    async createCredential(ctx: RequestContext, input: CreateCredentialInput): Promise<Credential> {
      credentialsPolicy.requireAllowed(ctx.actor, 'create');
      try {
        return await db.transaction().execute(async (trx) => {
          if (await credentialsRepository(trx).findByName(input.name)) throw nameTaken(input.name);
          const id = newId();
          const now = instant(clock);
          await credentialsRepository(trx).insert({
            id,
            name: input.name,
            description: input.description ?? null,
            criteria: input.criteria,
            track: input.track,
            validity_months: input.validityMonths ?? null,
            pass_mark: input.passMark ?? null,
            min_attendance_percent: input.minAttendancePercent,
            co_teachings_before_lead: input.coTeachingsBeforeLead,
            translations: JSON.stringify(input.translations ?? {}),
            created_at: now,
            updated_at: now,
          });
          const created = await credentialRow(id, trx);
          await audit(trx, ctx, { action: 'credential.create', entityType: 'credential', entityId: id, after: toCredential(created) });
          return presentCredential(ctx, created);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(input.name);
        throw error;
      }
    },

    async updateCredential(ctx: RequestContext, id: string, version: number, input: UpdateCredentialInput): Promise<Credential> {
      credentialsPolicy.requireAllowed(ctx.actor, 'update');
      return db.transaction().execute(async (trx) => {
        const current = await credentialRow(id, trx);
        if (input.name && input.name !== current.name && (await credentialsRepository(trx).findByName(input.name))) throw nameTaken(input.name);
        const isUpdated = await credentialsRepository(trx).update(id, version, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.criteria !== undefined && { criteria: input.criteria }),
          ...(input.track !== undefined && { track: input.track }),
          ...(input.validityMonths !== undefined && { validity_months: input.validityMonths }),
          ...(input.passMark !== undefined && { pass_mark: input.passMark }),
          ...(input.minAttendancePercent !== undefined && { min_attendance_percent: input.minAttendancePercent }),
          ...(input.coTeachingsBeforeLead !== undefined && { co_teachings_before_lead: input.coTeachingsBeforeLead }),
          ...(input.translations !== undefined && { translations: JSON.stringify(input.translations) }),
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('credential', current.version);
        const after = await credentialRow(id, trx);
        await audit(trx, ctx, { action: 'credential.update', entityType: 'credential', entityId: id, before: toCredential(current), after: toCredential(after) });
        return presentCredential(ctx, after);
      });
    },

    async listCourses(ctx: RequestContext, query: ListCoursesQuery): Promise<Page<Course>> {
      coursesPolicy.requireAllowed(ctx.actor, 'read');
      const page = { limit: query.limit, cursor: query.cursor };
      const sort: SortRequest = { column: 'courses.code', order: 'asc' };
      const rows = await coursesRepository(db).list({ track: query.track, level: query.level, search: query.q }, sort, page);
      return toPage(rows, page, sort, (row) => ({ value: row.code, id: row.id }), (row) => presentCourse(ctx, row));
    },

    async getCourse(ctx: RequestContext, id: string) {
      coursesPolicy.requireAllowed(ctx.actor, 'read');
      return courseDetail(ctx, await courseRow(id));
    },

    /** For other services: the course and its current version, without an access check. */
    courseRow,

    async createCourse(ctx: RequestContext, input: CreateCourseInput) {
      coursesPolicy.requireAllowed(ctx.actor, 'create');
      try {
        return await db.transaction().execute(async (trx) => {
          const repo = coursesRepository(trx);
          if (await repo.findByCode(input.code)) throw codeTaken(input.code);
          await checkCredentialRefs(trx, input);
          const id = newId();
          const now = instant(clock);
          await repo.insert({
            id,
            code: input.code,
            track: input.track,
            level: input.level,
            language: input.language,
            grants_credential_id: input.grantsCredentialId ?? null,
            requires_credential_id: input.requiresCredentialId ?? null,
            current_version: 1,
            archived_at: null,
            created_at: now,
            updated_at: now,
          });
          await repo.insertVersion({ id: newId(), course_id: id, number: 1, title: input.title, hours: input.hours, description: input.description ?? null, created_at: now, created_by: ctx.actor.id });
          const created = await courseDetail(ctx, await courseRow(id, trx), trx);
          await audit(trx, ctx, { action: 'course.create', entityType: 'course', entityId: id, after: toCourse(await courseRow(id, trx)) });
          return created;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken(input.code);
        throw error;
      }
    },

    /** Changes a course; new content (title, hours, description) becomes its next version. */
    async updateCourse(ctx: RequestContext, id: string, version: number, input: UpdateCourseInput) {
      coursesPolicy.requireAllowed(ctx.actor, 'update');
      return db.transaction().execute(async (trx) => {
        const current = await courseRow(id, trx);
        await checkCredentialRefs(trx, input);
        const repo = coursesRepository(trx);
        const now = instant(clock);
        const isNewContent =
          (input.title !== undefined && input.title !== current.title) ||
          (input.hours !== undefined && input.hours !== current.hours) ||
          (input.description !== undefined && input.description !== current.description);
        const nextVersion = isNewContent ? current.current_version + 1 : current.current_version;
        const isUpdated = await repo.update(id, version, {
          ...(input.track !== undefined && { track: input.track }),
          ...(input.level !== undefined && { level: input.level }),
          ...(input.language !== undefined && { language: input.language }),
          ...(input.grantsCredentialId !== undefined && { grants_credential_id: input.grantsCredentialId }),
          ...(input.requiresCredentialId !== undefined && { requires_credential_id: input.requiresCredentialId }),
          ...(input.isArchived !== undefined && { archived_at: input.isArchived ? (current.archived_at ?? now) : null }),
          current_version: nextVersion,
          updated_at: now,
        });
        if (!isUpdated) throw staleVersion('course', current.version);
        if (input.track !== undefined && input.track !== current.track) await courseChanged(trx, id);
        if (isNewContent) {
          await repo.insertVersion({
            id: newId(),
            course_id: id,
            number: nextVersion,
            title: input.title ?? current.title,
            hours: input.hours ?? current.hours,
            description: input.description === undefined ? current.description : input.description,
            created_at: now,
            created_by: ctx.actor.id,
          });
        }
        const after = await courseRow(id, trx);
        await audit(trx, ctx, { action: 'course.update', entityType: 'course', entityId: id, before: toCourse(current), after: toCourse(after) });
        return courseDetail(ctx, after, trx);
      });
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
