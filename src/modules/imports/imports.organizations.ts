import { searchKey } from '../../platform/text.js';
import {
  type CreateOrganizationInput,
  createOrganizationSchema,
  type Organization,
  type OrganizationKind,
  type UpdateOrganizationInput,
} from '../organizations/organizations.schemas.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import { inSavepoint, type KindHandler, type MappedRow, noteRecord, report, type RunState, schemaCheck, SeenKeys, take } from './imports.rows.js';
import { importsText } from './imports.messages.js';
import { parseCountry, parseWord } from './imports.values.js';

/** Words people use for each kind of organization, in the four languages. */
const KIND_WORDS: Record<OrganizationKind, readonly string[]> = {
  program_office: ['program office', 'oficina del programa', 'bureau du programme', 'escritorio do programa'],
  municipal_police: ['municipal police', 'police department', 'city police', 'policia municipal', 'police municipale', 'pd'],
  county_sheriff: ['sheriff', 'sheriffs office', 'sheriff office', 'county sheriff', 'alguacil'],
  state_police: ['state police', 'highway patrol', 'policia estatal', 'police d etat', 'policia estadual'],
  state_corrections: ['state corrections', 'department of corrections', 'doc', 'state prisons', 'correccionales estatales'],
  county_corrections: ['county corrections', 'county jail', 'jail', 'carcel del condado'],
  federal_agency: ['federal agency', 'federal', 'agencia federal', 'agence federale'],
  professional_association: ['professional association', 'association', 'asociacion', 'asociacion profesional', 'association professionnelle', 'associacao'],
  academy: ['academy', 'police academy', 'academia', 'academie', 'escuela de policia', 'ecole de police'],
  foreign_police: ['foreign police', 'national police', 'policia nacional', 'police nationale', 'polis nasyonal', 'policia'],
  foreign_corrections: ['foreign corrections', 'prison service', 'penitentiary', 'sistema penitenciario', 'administration penitentiaire', 'sistema prisional', 'penitenciaria'],
  ministry: ['ministry', 'ministerio', 'ministere', 'ministe'],
  other: ['otro', 'autre', 'outro'],
};

const FIELDS = ['name', 'acronym', 'kind', 'country', 'subdivision', 'city', 'parentId', 'website', 'description'] as const;

/** Partners: found by name (accents and case aside), created or updated through the organizations service. */
export function organizationsHandler(deps: { organizations: Pick<OrganizationsService, 'resolve' | 'create' | 'update'> }, state: RunState): KindHandler {
  const seen = new SeenKeys();

  function parse(row: MappedRow, parentId: string | undefined): CreateOrganizationInput | undefined {
    const input: Record<string, unknown> = {};
    for (const field of ['name', 'kind', 'country']) if (!row.has(field)) report(state, row, field, importsText('row.required'));
    for (const field of ['name', 'acronym', 'city', 'website', 'description']) if (row.has(field)) input[field] = row.text(field);
    if (row.has('kind')) input.kind = take(state, row, 'kind', parseWord(row.text('kind'), KIND_WORDS, importsText('what.organizationKind')));
    if (row.has('country')) input.country = take(state, row, 'country', parseCountry(row.text('country')));
    if (row.has('subdivision')) {
      const text = row.text('subdivision').toUpperCase();
      input.subdivision = /^[A-Z0-9]{1,3}$/.test(text) && typeof input.country === 'string' ? `${input.country}-${text}` : text;
    }
    if (parentId) input.parentId = parentId;
    if (state.badRows.has(row.row)) return undefined;
    return schemaCheck(state, row, createOrganizationSchema, input);
  }

  function changesOf(row: MappedRow, input: CreateOrganizationInput, current: Organization): UpdateOrganizationInput {
    const changes: Record<string, unknown> = {};
    for (const field of FIELDS) {
      const filled = field === 'parentId' ? row.has('parent') : row.has(field);
      if (filled && input[field] !== current[field]) changes[field] = input[field];
    }
    return changes as UpdateOrganizationInput;
  }

  return {
    checks: 'by-writing',
    async batch(rows, trx) {
      for (const row of rows) {
        let parentId: string | undefined;
        if (row.has('parent')) {
          parentId = (await deps.organizations.resolve(state.ctx, row.text('parent'), trx))?.id;
          if (!parentId) report(state, row, 'parent', importsText('row.unknownParent'));
        }
        const input = parse(row, parentId);
        if (!input) continue;
        const first = seen.claim(searchKey(input.name), row.row);
        if (first !== undefined) {
          report(state, row, 'name', importsText('row.sameOrganization', { row: first }));
          continue;
        }
        const found = await deps.organizations.resolve(state.ctx, input.name, trx);
        const current = found && searchKey(found.name) === searchKey(input.name) ? found : undefined;
        if (!current) {
          const isCreated = await inSavepoint(state, trx, row, async (executor) => {
            noteRecord(state, (await deps.organizations.create(state.ctx, input, executor)).id, 'created');
          });
          if (isCreated) state.summary.created += 1;
          continue;
        }
        const changes = changesOf(row, input, current);
        if (Object.keys(changes).length === 0) state.summary.unchanged += 1;
        else if (await inSavepoint(state, trx, row, (executor) => deps.organizations.update(state.ctx, current.id, current.version, changes, executor).then(() => undefined))) {
          state.summary.updated += 1;
          noteRecord(state, current.id, 'updated');
        }
      }
    },
    finish: async () => undefined,
  };
}
