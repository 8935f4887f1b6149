import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { deleteWithVersion, importFile, upload } from '../../../test/imports.js';

/**
 * Imports and saved mappings can be deleted by those who import that kind; what a commit wrote
 * stays, and the audit keeps that the import existed.
 */

let t: TestApp;
let officer: Agent;
let agencyId: string;
let coordinator: Agent;
let stranger: Agent;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system)).id;
  coordinator = await agentFor(t, 'coordinator', { organizationId: agencyId });
  stranger = await agentFor(t, 'coordinator', { organizationId: (await buildOrganization(t.services, t.system)).id });
});
afterAll(() => t.close());

async function countOf(table: 'import_chunks' | 'import_problems' | 'imports', importId: string): Promise<number> {
  const db = t.testDb.database.db;
  const row =
    table === 'imports'
      ? await db.selectFrom('imports').where('id', '=', importId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      : await db.selectFrom(table).where('import_id', '=', importId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditOf(entityType: string, entityId: string, action: string) {
  const events = (await t.services.auditLog.list(t.system, { entityType, entityId, limit: 20, order: 'desc' } as never)) as {
    items: { action: string; before: Record<string, unknown> | null }[];
  };
  return events.items.find((e) => e.action === action);
}

describe('deleting an import', () => {
  it('deletes an import with its file and problems, given its version, and audits what it was', async () => {
    const bad = ['Given name,Family name,Email', 'Ana,Silva,not-an-email'].join('\n');
    const checked = await importFile(t, officer, { kind: 'people', filename: 'mistake.csv', organizationId: agencyId }, bad);
    const id = checked.id as string;
    expect(checked).toMatchObject({ status: 'validated', problemCount: 1, allowedActions: ['delete'] });
    expect(await countOf('import_chunks', id)).toBeGreaterThan(0);
    expect(await countOf('import_problems', id)).toBe(1);

    const unversioned = await deleteWithVersion(t, officer, `/api/imports/${id}`);
    expect(unversioned.statusCode).toBe(428);
    const stale = await deleteWithVersion(t, officer, `/api/imports/${id}`, (checked.version as number) - 1);
    expect(stale.statusCode).toBe(412);
    const deleted = await deleteWithVersion(t, officer, `/api/imports/${id}`, checked.version as number);
    expect(deleted.statusCode, deleted.body).toBe(204);

    expect((await officer.get(`/api/imports/${id}`)).statusCode).toBe(404);
    expect((await officer.get('/api/imports?limit=200')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(await countOf('imports', id)).toBe(0);
    expect(await countOf('import_chunks', id)).toBe(0);
    expect(await countOf('import_problems', id)).toBe(0);
    const event = await auditOf('import', id, 'import.delete');
    expect(event?.before).toMatchObject({ filename: 'mistake.csv', kind: 'people', sha256: checked.sha256, status: 'validated', rows: 1, valid: 0, problems: 1 });
  });

  it('deletes a committed import and keeps the people it created', async () => {
    const file = ['Given name,Family name', 'Kept,Person One', 'Kept,Person Two'].join('\n');
    const committed = await importFile(t, coordinator, { kind: 'people', filename: 'kept.csv' }, file);
    expect(committed).toMatchObject({ status: 'committed', summary: { created: 2 } });
    const before = (await coordinator.get(`/api/people?organizationId=${agencyId}&q=kept&limit=50`)).json().items.length;
    expect(before).toBe(2);

    const deleted = await deleteWithVersion(t, coordinator, `/api/imports/${committed.id}`, committed.version as number);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await coordinator.get(`/api/people?organizationId=${agencyId}&q=kept&limit=50`)).json().items.length).toBe(2);
    const event = await auditOf('import', committed.id as string, 'import.delete');
    expect(event?.before).toMatchObject({ filename: 'kept.csv', status: 'committed', rows: 2, summary: { created: 2 } });
    // The commit's own event stays beside it.
    expect(await auditOf('import', committed.id as string, 'import.commit')).toBeDefined();
  });

  it('refuses to delete an import while it runs', async () => {
    const view = (await upload(t, officer, { kind: 'people', filename: 'running.csv', organizationId: agencyId }, 'Given name,Family name\nA,B')).json();
    // A run that is going on (claimed by a process whose heartbeat is fresh): its import says so.
    await t.testDb.database.db.updateTable('imports').set({ status: 'committing', updated_at: t.clock.now().toISOString() }).where('id', '=', view.id).execute();
    const refused = await deleteWithVersion(t, officer, `/api/imports/${view.id}`, view.version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('The import is running: wait for it to finish, then delete it.');
    expect(await countOf('imports', view.id)).toBe(1);
  });

  it('answers a coordinator of another agency as if the import did not exist', async () => {
    const view = (await upload(t, coordinator, { kind: 'people', filename: 'ours.csv' }, 'Given name,Family name\nA,B')).json();
    const other = await deleteWithVersion(t, stranger, `/api/imports/${view.id}`, view.version);
    expect(other.statusCode).toBe(404);
    const viewer = await agentFor(t, 'viewer');
    expect((await deleteWithVersion(t, viewer, `/api/imports/${view.id}`, view.version)).statusCode).toBe(403);
    expect(await countOf('imports', view.id)).toBe(1);
    expect((await deleteWithVersion(t, coordinator, `/api/imports/${view.id}`, view.version)).statusCode).toBe(204);
  });
});

describe('deleting a saved mapping', () => {
  const columns = { Nombre: 'givenName', Apellido: 'familyName' };

  it('lets its keeper delete it, audited; files it mapped keep their columns', async () => {
    const saved = (await coordinator.post('/api/imports/mappings', { kind: 'people', name: 'Ours', columns, leftOut: ['Notas'] })).json();
    expect(saved.allowedActions).toEqual(['delete']);
    const mapped = (await upload(t, coordinator, { kind: 'people', filename: 'm.csv', mappingId: saved.id }, 'Nombre,Apellido,Notas\nA,B,C')).json();

    expect((await stranger.delete(`/api/imports/mappings/${saved.id}`)).statusCode).toBe(404);
    const deleted = await coordinator.delete(`/api/imports/mappings/${saved.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await coordinator.get('/api/imports/mappings')).json().items.map((m: { id: string }) => m.id)).not.toContain(saved.id);
    expect((await coordinator.delete(`/api/imports/mappings/${saved.id}`)).statusCode).toBe(404);
    const event = await auditOf('import_mapping', saved.id, 'import_mapping.delete');
    expect(event?.before).toMatchObject({ kind: 'people', name: 'Ours', columns, leftOut: ['Notas'] });

    const after = (await coordinator.get(`/api/imports/${mapped.id}`)).json();
    expect(after.mapping.map((c: { state: string }) => c.state)).toEqual(['mapped', 'mapped', 'left_out']);
  });

  it('keeps the program office’s mappings for the office, and lets staff delete any', async () => {
    const office = (await officer.post('/api/imports/mappings', { kind: 'people', name: 'Office roster', columns })).json();
    const seen = (await coordinator.get('/api/imports/mappings?kind=people')).json().items.find((m: { id: string }) => m.id === office.id);
    expect(seen.allowedActions).toEqual([]);
    const refused = await coordinator.delete(`/api/imports/mappings/${office.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('The program office’s saved mappings are kept by the program office.');

    const agencys = (await coordinator.post('/api/imports/mappings', { kind: 'people', name: 'Agency roster', columns })).json();
    expect((await officer.delete(`/api/imports/mappings/${agencys.id}`)).statusCode).toBe(204);
    expect((await officer.delete(`/api/imports/mappings/${office.id}`)).statusCode).toBe(204);
  });
});
