import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { containsPattern } from '../../platform/db/dialect.js';
import { applyKeyset, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type { CoursesTable, CourseVersionsTable, CredentialsTable, DB } from '../../platform/db/schema.js';


export function credentialsRepository(db: Kysely<DB>) {
  return {
    findById(id: string) {
      return db.selectFrom('credentials').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByName(name: string) {
      return db.selectFrom('credentials').select('id').where('name', '=', name).executeTakeFirst();
    },
    list() {
      return db.selectFrom('credentials').selectAll().orderBy('name').orderBy('id').execute();
    },
    insert(row: Insertable<CredentialsTable>) {
      return db.insertInto('credentials').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<CredentialsTable>) {
      return updateVersioned(db, 'credentials', id, version, changes);
    },
  };
}

export function coursesRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('courses')
      .innerJoin('course_versions as v', (join) => join.onRef('v.course_id', '=', 'courses.id').onRef('v.number', '=', 'courses.current_version'))
      .leftJoin('credentials as grants', 'grants.id', 'courses.grants_credential_id')
      .leftJoin('credentials as requires', 'requires.id', 'courses.requires_credential_id')
      .selectAll('courses')
      .select(['v.id as version_id', 'v.title', 'v.hours', 'v.description', 'grants.name as grants_name', 'requires.name as requires_name']);
  }
  return {
    findById(id: string) {
      return base().where('courses.id', '=', id).executeTakeFirst();
    },
    findByCode(code: string) {
      return db.selectFrom('courses').select('id').where('code', '=', code).executeTakeFirst();
    },
    list(filter: { track?: DB['courses']['track'] | undefined; level?: DB['courses']['level'] | undefined; search?: string | undefined }, sort: SortRequest, page: PageRequest) {
      let query = base().where('courses.archived_at', 'is', null);
      if (filter.track) query = query.where('courses.track', '=', filter.track);
      if (filter.level) query = query.where('courses.level', '=', filter.level);
      if (filter.search) {
        const pattern = containsPattern(filter.search.toLowerCase());
        query = query.where(sql<boolean>`(lower(v.title) LIKE ${pattern} ESCAPE '\\' OR lower(courses.code) LIKE ${pattern} ESCAPE '\\')`);
      }
      return applyKeyset(query, 'courses.id', sort, page).execute();
    },
    versions(courseId: string) {
      return db.selectFrom('course_versions').selectAll().where('course_id', '=', courseId).orderBy('number', 'desc').execute();
    },
    insert(row: Insertable<CoursesTable>) {
      return db.insertInto('courses').values(row).execute();
    },
    insertVersion(row: Insertable<CourseVersionsTable>) {
      return db.insertInto('course_versions').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<CoursesTable>) {
      return updateVersioned(db, 'courses', id, version, changes);
    },
  };
}

export type CourseRowWithVersion = NonNullable<Awaited<ReturnType<ReturnType<typeof coursesRepository>['findById']>>>;
