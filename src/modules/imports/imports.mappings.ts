import { instant } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { ImportMappingRow } from '../../platform/db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { searchKey } from '../../platform/text.js';
import { type ImportsContext as RequestContext, importsText } from './imports.messages.js';
import { headerKey, type ImportKind, KINDS } from './imports.fields.js';
import { toMappingView } from './imports.mapper.js';
import { importsRepository } from './imports.repository.js';
import type { CreateMappingInput, MappingView } from './imports.schemas.js';
import { type ImportsDeps, parseJson } from './imports.run.js';
import { boundAgencyOf, keepsMapping, mappingScopeOf, requireAnyImporter, requireImporter, visibleMappingScopes } from './imports.policy.js';

/**
 * Saved mappings: the columns of a file a partner sends every quarter, kept under a name so the
 * next file is mapped in one step. An import uses one the actor may see (`usable`); each keeps
 * its own copy of the columns, so deleting a mapping changes no import.
 */
export function createSavedMappings({ db, clock, audit }: Pick<ImportsDeps, 'db' | 'clock' | 'audit'>) {
  const repo = importsRepository(db);

  function mappingView(ctx: RequestContext, row: ImportMappingRow): MappingView {
    return toMappingView(row, keepsMapping(ctx.actor, row) ? ['delete'] : []);
  }

  return {
    /** A saved mapping the actor may use, or none: its columns (header → field), the headers it leaves out, its date order. */
    async usable(ctx: RequestContext, id: string | undefined, kind: ImportKind, pointer: string) {
      if (!id) return undefined;
      const row = await repo.findMappingById(id);
      const scopes = visibleMappingScopes(ctx.actor);
      if (!row || (scopes && !scopes.includes(row.scope))) throw invalid(importsText('mapping.savedNotFound'), [{ pointer, detail: importsText('mapping.notUsable') }]);
      if (row.kind !== kind) {
        const saved = importsText(`kind.${row.kind}`);
        throw invalid(importsText('mapping.savedOtherKind', { saved, kind: importsText(`kind.${kind}`) }), [{ pointer, detail: importsText('mapping.forKind', { kind: saved }) }]);
      }
      return { columns: parseJson<Record<string, string>>(row.columns, {}), leftOut: parseJson<string[]>(row.left_out, []), dateFormat: row.date_format };
    },

    async list(ctx: RequestContext, kind: ImportKind | undefined): Promise<MappingView[]> {
      requireAnyImporter(ctx.actor);
      return (await repo.mappings(kind, visibleMappingScopes(ctx.actor))).map((row) => mappingView(ctx, row));
    },

    async create(ctx: RequestContext, input: CreateMappingInput): Promise<MappingView> {
      requireImporter(ctx.actor, input.kind);
      const fields = new Set(KINDS[input.kind].fields.map((f) => f.key));
      const wrong = Object.entries(input.columns).filter(([, field]) => !fields.has(field));
      if (wrong.length > 0) {
        throw invalid(
          importsText('mapping.fieldsUnknown'),
          wrong.map(([header, field]) => ({ pointer: `/body/columns/${header}`, detail: importsText('mapping.fieldUnknown', { field, fields: [...fields].join(', ') }) })),
        );
      }
      const mappedHeaders = new Set(Object.keys(input.columns).map(headerKey));
      const both = input.leftOut.flatMap((header, i) => (mappedHeaders.has(headerKey(header)) ? [{ pointer: `/body/leftOut/${i}`, detail: importsText('mapping.alsoMapped', { header }) }] : []));
      if (both.length > 0) throw invalid(importsText('mapping.fieldOrLeftOut'), both);
      const id = newId();
      const now = instant(clock);
      const scope = mappingScopeOf(ctx.actor);
      try {
        await db.transaction().execute(async (trx) => {
          await importsRepository(trx).insertMapping({
            id,
            kind: input.kind,
            name: input.name,
            search_name: searchKey(input.name),
            scope,
            columns: JSON.stringify(input.columns),
            left_out: JSON.stringify(input.leftOut),
            date_format: input.dateFormat,
            organization_id: boundAgencyOf(ctx.actor),
            created_by: ctx.actor.id,
            created_at: now,
            updated_at: now,
          });
          await audit(trx, ctx, { action: 'import_mapping.create', entityType: 'import_mapping', entityId: id, after: input });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(importsText('mapping.nameTaken', { kind: importsText(`kind.${input.kind}`), name: input.name }), [{ pointer: '/body/name', detail: importsText('mapping.taken') }]);
        throw error;
      }
      return mappingView(ctx, (await repo.findMappingById(id)) as ImportMappingRow);
    },

    /** Deletes a saved mapping its keeper no longer wants; files already mapped with it keep their columns. */
    async remove(ctx: RequestContext, id: string): Promise<void> {
      requireAnyImporter(ctx.actor);
      const row = await repo.findMappingById(id);
      const scopes = visibleMappingScopes(ctx.actor);
      if (!row || (scopes && !scopes.includes(row.scope))) throw notFound('savedMapping');
      if (!keepsMapping(ctx.actor, row)) throw forbidden(row.scope === 'office' ? importsText('policy.officeMappings') : importsText('policy.roleKind', { kind: importsText(`kind.${row.kind}`) }));
      await db.transaction().execute(async (trx) => {
        if (!(await importsRepository(trx).removeMapping(id))) throw notFound('savedMapping');
        await audit(trx, ctx, {
          action: 'import_mapping.delete',
          entityType: 'import_mapping',
          entityId: id,
          before: { kind: row.kind, name: row.name, columns: parseJson(row.columns, {}), leftOut: parseJson(row.left_out, []), dateFormat: row.date_format },
        });
      });
    },
  };
}
