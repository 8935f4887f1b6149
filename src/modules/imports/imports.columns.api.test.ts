import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { importFile, leaveOut, problemsOf, settled, upload } from '../../../test/imports.js';

/**
 * Every column of a file is accounted for: it goes to a field, or someone confirmed it is left
 * out, before any row is checked; and the valid rows only are imported by someone who said how
 * many rows that leaves out.
 */

let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Policía Nacional', kind: 'foreign_police', country: 'GT' })).id;
});
afterAll(() => t.close());

type Column = { column: number; header: string; field: string | null; state: string };

/** A partner's roster: two columns no field takes, and an empty one after a trailing delimiter. */
const roster = (suffix: string) =>
  [
    'Nombre;Apellido;Correo;Talla de uniforme;Grupo sanguíneo;',
    `Ana;López ${suffix};ana.${suffix}@pn.example;M;O+;`,
    `Luis;Mejía ${suffix};luis.${suffix}@pn.example;L;A-;`,
  ].join('\n');

async function auditOf(importId: string, action: string) {
  const events = (await t.services.auditLog.list(t.system, { entityType: 'import', entityId: importId, limit: 20, order: 'desc' } as never)) as {
    items: { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  };
  return events.items.find((e) => e.action === action);
}

describe('every column accounted for', () => {
  it('lists every column with where it goes, and refuses to check or import until each is mapped or left out', async () => {
    const uploaded = await upload(t, officer, { kind: 'people', filename: 'plantilla.csv', organizationId: agencyId }, roster('a'));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const view = uploaded.json();
    expect(view.mapping.map((c: Column) => [c.header, c.field, c.state])).toEqual([
      ['Nombre', 'givenName', 'mapped'],
      ['Apellido', 'familyName', 'mapped'],
      ['Correo', 'email', 'mapped'],
      ['Talla de uniforme', null, 'unconfirmed'],
      ['Grupo sanguíneo', null, 'unconfirmed'],
      ['', null, 'empty'],
    ]);
    expect(view.unconfirmedColumns).toEqual(['Talla de uniforme', 'Grupo sanguíneo']);

    for (const step of ['validate', 'commit']) {
      const refused = await officer.post(`/api/imports/${view.id}/${step}`, step === 'commit' ? { mode: 'all' } : undefined);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.json()).toMatchObject({ rule: 'import.columns_unconfirmed' });
      expect(refused.json().detail).toBe(
        'The file has columns Cadre was not told what to do with: “Talla de uniforme”, “Grupo sanguíneo”. Map each to a field, or confirm they are left out.',
      );
    }

    const one = await leaveOut(officer, view, ['Grupo sanguíneo']);
    expect(one.unconfirmedColumns).toEqual(['Talla de uniforme']);
    const stillRefused = await officer.post(`/api/imports/${view.id}/validate`);
    expect(stillRefused.statusCode).toBe(422);
    expect(stillRefused.json().detail).toBe('The file has a column Cadre was not told what to do with: “Talla de uniforme”. Map it to a field, or confirm it is left out.');

    const both = await leaveOut(officer, one, ['Talla de uniforme', 'Grupo sanguíneo']);
    expect(both.unconfirmedColumns).toEqual([]);
    expect(both.mapping.map((c: Column) => c.state)).toEqual(['mapped', 'mapped', 'mapped', 'left_out', 'left_out', 'empty']);
    expect((await officer.post(`/api/imports/${view.id}/commit`, { mode: 'all' })).statusCode).toBe(202);
    expect(await settled(officer, view.id)).toMatchObject({ status: 'committed', summary: { created: 2 } });

    const commit = await auditOf(view.id, 'import.commit');
    expect(commit?.after).toMatchObject({ rows: 2, leftOut: ['Talla de uniforme', 'Grupo sanguíneo'] });
  });

  it('counts a column with data but no header, and a row wider than its header, as columns to decide', async () => {
    const headerless = (await upload(t, officer, { kind: 'people', filename: 'sin-encabezado.csv', organizationId: agencyId }, 'Given name,Family name,\nAna,Silva,lunes')).json();
    expect(headerless.unconfirmedColumns).toEqual(['column 3']);
    const wider = (await upload(t, officer, { kind: 'people', filename: 'ancho.csv', organizationId: agencyId }, 'Given name,Family name\nAna,Silva,lunes,\nRui,Lima,,')).json();
    expect(wider.mapping.map((c: Column) => [c.column, c.header, c.state])).toEqual([
      [0, 'Given name', 'mapped'],
      [1, 'Family name', 'mapped'],
      [2, '', 'unconfirmed'],
      [3, '', 'empty'],
    ]);
    const refused = await officer.post(`/api/imports/${wider.id}/validate`);
    expect(refused.json().detail).toMatch(/“column 3”/);
    // The column past the header may be mapped, like any other.
    const mapped = await officer.patch(`/api/imports/${wider.id}`, { mapping: [{ column: 0, field: 'givenName' }, { column: 1, field: 'familyName' }, { column: 2, field: 'notes' }] }, wider.version);
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json().unconfirmedColumns).toEqual([]);
  });

  it('takes a column out of those left out when it is mapped, and asks again once the file is read differently', async () => {
    const view = (await upload(t, officer, { kind: 'people', filename: 'notas.csv', organizationId: agencyId }, 'Given name,Family name,Color favorito\nAna,Silva,azul')).json();
    const left = await leaveOut(officer, view, ['Color favorito']);
    expect(left.mapping[2]).toMatchObject({ state: 'left_out' });
    const mapped = (await officer.patch(`/api/imports/${view.id}`, { mapping: [{ column: 0, field: 'givenName' }, { column: 1, field: 'familyName' }, { column: 2, field: 'notes' }] }, left.version)).json();
    expect(mapped.mapping[2]).toMatchObject({ field: 'notes', state: 'mapped' });
    const unmapped = (await officer.patch(`/api/imports/${view.id}`, { mapping: [{ column: 0, field: 'givenName' }, { column: 1, field: 'familyName' }] }, mapped.version)).json();
    expect(unmapped.mapping[2]).toMatchObject({ field: null, state: 'unconfirmed' });
    const again = await leaveOut(officer, unmapped, ['Color favorito']);
    const reread = (await officer.patch(`/api/imports/${view.id}`, { delimiter: ',' }, again.version)).json();
    expect(reread.unconfirmedColumns).toEqual(['Color favorito']);
  });

  it('refuses a column both mapped and left out, or past the last column, naming it', async () => {
    const view = (await upload(t, officer, { kind: 'people', filename: 'x.csv', organizationId: agencyId }, 'Given name,Family name,Extra\nA,B,C')).json();
    const both = await officer.patch(`/api/imports/${view.id}`, { leftOut: [0, 2] }, view.version);
    expect(both.statusCode).toBe(400);
    expect(both.json().errors).toEqual([{ pointer: '/body/leftOut/0', detail: expect.stringMatching(/is mapped to givenName/) }]);
    const past = await officer.patch(`/api/imports/${view.id}`, { leftOut: [3] }, view.version);
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ pointer: '/body/leftOut/0', detail: 'is past the last column (3)' }]);
    const together = await officer.patch(`/api/imports/${view.id}`, { mapping: [{ column: 0, field: 'givenName' }, { column: 1, field: 'familyName' }, { column: 2, field: 'notes' }], leftOut: [2] }, view.version);
    expect(together.statusCode).toBe(400);
  });

  it('remembers in a saved mapping the headers it leaves out, and confirms them on the next file', async () => {
    const refused = await officer.post('/api/imports/mappings', { kind: 'people', name: 'Both ways', columns: { Nombre: 'givenName' }, leftOut: ['nombre'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ pointer: '/body/leftOut/0' });

    const saved = await officer.post('/api/imports/mappings', { kind: 'people', name: 'PN Guatemala', columns: { Nombre: 'givenName', Apellido: 'familyName', Correo: 'email' }, leftOut: ['Talla de uniforme'] });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ leftOut: ['Talla de uniforme'], allowedActions: ['delete'] });
    const listed = (await officer.get('/api/imports/mappings?kind=people')).json().items.find((m: { id: string }) => m.id === saved.json().id);
    expect(listed.leftOut).toEqual(['Talla de uniforme']);

    const view = (await upload(t, officer, { kind: 'people', filename: 'next.csv', organizationId: agencyId, mappingId: saved.json().id }, roster('b'))).json();
    expect(view.mapping.map((c: Column) => c.state)).toEqual(['mapped', 'mapped', 'mapped', 'left_out', 'unconfirmed', 'empty']);
    expect(view.unconfirmedColumns).toEqual(['Grupo sanguíneo']);

    // Applied to a file already uploaded, it confirms the same.
    const plain = (await upload(t, officer, { kind: 'people', filename: 'later.csv', organizationId: agencyId }, roster('c'))).json();
    expect(plain.unconfirmedColumns).toEqual(['Talla de uniforme', 'Grupo sanguíneo']);
    const applied = await officer.patch(`/api/imports/${plain.id}`, { mappingId: saved.json().id }, plain.version);
    expect(applied.json().unconfirmedColumns).toEqual(['Grupo sanguíneo']);
  });
});

describe('importing the valid rows only', () => {
  const file = (suffix: string) => ['Given name,Family name,Email', `Rosa,Lima ${suffix},r.${suffix}@example.test`, `,Nobody ${suffix},n.${suffix}@example.test`, `Inês,Araújo ${suffix},not-an-email`, `Paulo,Costa ${suffix},p.${suffix}@example.test`].join('\n');

  it('needs a check first, then the number of rows it leaves out as that check found them', async () => {
    const view = (await upload(t, officer, { kind: 'people', filename: 'partial.csv', organizationId: agencyId }, file('v'))).json();
    const unchecked = await officer.post(`/api/imports/${view.id}/commit`, { mode: 'valid_only', leaveOutRows: 2 });
    expect(unchecked.statusCode).toBe(422);
    expect(unchecked.json()).toMatchObject({ rule: 'import.check_needed' });

    await officer.post(`/api/imports/${view.id}/validate`);
    const checked = await settled(officer, view.id);
    expect(checked).toMatchObject({ status: 'validated', rowCount: 4, validCount: 2 });
    expect(new Set((await problemsOf(officer, view.id)).map((p) => p.row))).toEqual(new Set([3, 4]));

    const unsaid = await officer.post(`/api/imports/${view.id}/commit`, { mode: 'valid_only' });
    expect(unsaid.statusCode).toBe(400);
    expect(unsaid.json().errors).toEqual([{ pointer: '/body/leaveOutRows', detail: 'is required with mode valid_only: the number of rows left out (2)' }]);
    const wrong = await officer.post(`/api/imports/${view.id}/commit`, { mode: 'valid_only', leaveOutRows: 1 });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ rule: 'import.rows_left_out_differ' });
    expect(wrong.json().detail).toMatch(/You asked to leave out 1 row, but the last check of this import found problems in 2 rows/);
    const allWithRows = await officer.post(`/api/imports/${view.id}/commit`, { mode: 'all', leaveOutRows: 2 });
    expect(allWithRows.statusCode).toBe(400);
    expect(allWithRows.json().errors[0]).toMatchObject({ pointer: '/body/leaveOutRows' });
    expect((await officer.get(`/api/imports/${view.id}`)).json()).toMatchObject({ status: 'validated' });

    const right = await officer.post(`/api/imports/${view.id}/commit`, { mode: 'valid_only', leaveOutRows: 2 });
    expect(right.statusCode, right.body).toBe(202);
    expect(await settled(officer, view.id)).toMatchObject({ status: 'committed', mode: 'valid_only', summary: { created: 2, skipped: 2 } });
  });

  it('stops, writing nothing, when more rows would be left out than the check found', async () => {
    const coordinator = await agentFor(t, 'coordinator', { organizationId: agencyId });
    const view = (await upload(t, coordinator, { kind: 'people', filename: 'partial-later.csv' }, file('z'))).json();
    await coordinator.post(`/api/imports/${view.id}/validate`);
    expect(await settled(coordinator, view.id)).toMatchObject({ status: 'validated', validCount: 2 });
    // Meanwhile Paulo's email becomes that of a person of another agency.
    const other = await buildOrganization(t.services, t.system, { name: 'Another Agency Meanwhile', kind: 'foreign_police', country: 'HN' });
    expect((await officer.post('/api/people', { organizationId: other.id, givenName: 'Paulo', familyName: 'Elsewhere', email: 'p.z@example.test' })).statusCode).toBe(201);

    expect((await coordinator.post(`/api/imports/${view.id}/commit`, { mode: 'valid_only', leaveOutRows: 2 })).statusCode).toBe(202);
    const ended = await settled(coordinator, view.id);
    expect(ended).toMatchObject({ status: 'validated', validCount: 1 });
    expect(ended.message).toMatch(/Nothing was written: the check found problems in 2 rows, and now in 3/);
    expect((await officer.get(`/api/people?organizationId=${agencyId}&q=Lima z`)).json().items).toHaveLength(0);
  });

  it('asks for a new check once the settings change', async () => {
    const view = (await upload(t, officer, { kind: 'people', filename: 'partial2.csv', organizationId: agencyId }, file('w'))).json();
    await officer.post(`/api/imports/${view.id}/validate`);
    const checked = await settled(officer, view.id);
    const changed = await officer.patch(`/api/imports/${view.id}`, { dateFormat: 'DMY' }, checked.version as number);
    expect(changed.statusCode).toBe(200);
    const refused = await officer.post(`/api/imports/${view.id}/commit`, { mode: 'valid_only', leaveOutRows: 2 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ rule: 'import.check_needed' });
    expect(await importFile(t, officer, { kind: 'people', filename: 'partial3.csv', organizationId: agencyId }, file('x'), { mode: 'valid_only' })).toMatchObject({ status: 'committed', summary: { created: 2, skipped: 2 } });
  });
});

describe('certifications', () => {
  it('tells a coordinator that the program office imports them', async () => {
    const coordinator = await agentFor(t, 'coordinator', { organizationId: agencyId });
    const refused = await upload(t, coordinator, { kind: 'certifications', filename: 'certs.csv' }, 'Email,Credential,Issued on\na@example.test,X,2020-01-01');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('Certifications are awarded by the program office: send the file to your program officer, who imports it.');
  });
});
