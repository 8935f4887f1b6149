import { type Kysely, sql } from 'kysely';
import { containsPattern } from '../../platform/db/dialect.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { applyKeyset, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import type { DB, NewOrganizationRow, OrganizationRow, OrganizationUpdate } from '../../platform/db/schema.js';

export interface OrganizationFilter {
  search?: string | undefined;
  kind?: DB['organizations']['kind'] | undefined;
  country?: string | undefined;
  /** Only the organizations this import created or changed. */
  importId?: string | undefined;
  archived: 'exclude' | 'include' | 'only';
  /** The organizations the caller may see, from the access policy. */
  scope: Scope;
}

export function organizationsRepository(db: Kysely<DB>) {
  return {
    findById(id: string): Promise<OrganizationRow | undefined> {
      return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByIds(ids: readonly string[]): Promise<OrganizationRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('organizations').selectAll().where('id', 'in', ids).execute();
    },

    findBySearchName(searchName: string): Promise<OrganizationRow | undefined> {
      return db.selectFrom('organizations').selectAll().where('search_name', '=', searchName).executeTakeFirst();
    },

    findByAcronym(acronym: string): Promise<OrganizationRow[]> {
      return db.selectFrom('organizations').selectAll().where(sql<boolean>`lower(acronym) = ${acronym.trim().toLowerCase()}`).limit(2).execute();
    },

    list(filter: OrganizationFilter, sort: SortRequest, page: PageRequest): Promise<OrganizationRow[]> {
      let query = db.selectFrom('organizations').selectAll().where(inScope(filter.scope, { organization: 'organizations.id' }));
      if (filter.search) {
        const pattern = containsPattern(filter.search);
        query = query.where(
          sql<boolean>`(search_name LIKE ${pattern} ESCAPE '\\' OR lower(acronym) LIKE ${pattern} ESCAPE '\\')`,
        );
      }
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      if (filter.country) query = query.where('country', '=', filter.country);
      if (filter.importId) {
        const importId = filter.importId;
        // The links an import keeps of what it wrote (imports' own table, read here as a filter).
        query = query.where((eb) =>
          eb.exists(eb.selectFrom('import_records as ir').select('ir.record_id').where('ir.import_id', '=', importId).whereRef('ir.record_id', '=', 'organizations.id')),
        );
      }
      if (filter.archived === 'exclude') query = query.where('archived_at', 'is', null);
      if (filter.archived === 'only') query = query.where('archived_at', 'is not', null);
      return applyKeyset(query, 'organizations.id', sort, page).execute();
    },

    /** True when making `parentId` the parent of `id` would close a loop. */
    async wouldCycle(id: string, parentId: string): Promise<boolean> {
      let current: string | null = parentId;
      const seen = new Set<string>();
      while (current && !seen.has(current)) {
        if (current === id) return true;
        seen.add(current);
        const row: { parent_id: string | null } | undefined = await db
          .selectFrom('organizations')
          .select('parent_id')
          .where('id', '=', current)
          .executeTakeFirst();
        current = row?.parent_id ?? null;
      }
      return false;
    },

    async insert(row: NewOrganizationRow): Promise<OrganizationRow> {
      return db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
    },

    /** Applies the change only if the row is still at `version`; undefined otherwise. */
    update(id: string, version: number, changes: OrganizationUpdate): Promise<OrganizationRow | undefined> {
      return db
        .updateTable('organizations')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
  };
}

export type OrganizationsRepository = ReturnType<typeof organizationsRepository>;
