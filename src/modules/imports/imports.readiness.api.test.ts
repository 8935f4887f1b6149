import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { importFile, problemsOf, upload } from '../../../test/imports.js';

/** A roster brings the readiness deployments check, under the person page's rules, encryption and audit. */

let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Policía Nacional Civil de Preparación', acronym: 'PNCP', kind: 'foreign_police', country: 'SV' })).id;
});
afterAll(() => t.close());

const HEADER = 'Nombre;Apellido;Correo electrónico;Número de pasaporte;Vencimiento del pasaporte;Examen médico;Autorización de seguridad;Fecha de autorización de seguridad;Liberación de la agencia;Capacitación previa al despliegue';
const roster = [
  HEADER,
  'Xiomara;Quintanilla Ejemplo;xiomara.q@pncp.example;a 1234-5678;30/06/2029;15/10/2026;Secreto;01/09/2026;20/11/2026;05/11/2026',
  'Rigoberto;Zelaya Ficticio;rigoberto.z@pncp.example;;;;;;;',
].join('\r\n');

type Detail = { id: string; version: number; readiness: { status: string }; readinessItems: { item: string; completedOn: string | null; expiresOn: string | null; reference: string | null; passportNumberMasked: string | null }[] };

async function personNamed(familyName: string): Promise<Detail> {
  const items = (await officer.get(`/api/people?organizationId=${agencyId}&limit=100`)).json().items as { id: string; familyName: string }[];
  const found = items.find((p) => p.familyName === familyName) as { id: string };
  return (await officer.get(`/api/people/${found.id}`)).json() as Detail;
}

async function readinessEvents(personId: string) {
  const page = (await t.services.auditLog.list(t.system, { entityType: 'person', entityId: personId, limit: 50, order: 'asc' } as never)) as { items: { action: string; after: Record<string, unknown> | null }[] };
  return page.items.filter((e) => e.action === 'person.readiness_set');
}

describe('readiness in a roster', () => {
  it('maps the Spanish readiness headers and records each item with its date, the passport number encrypted', async () => {
    const uploaded = (await upload(t, officer, { kind: 'people', filename: 'plantilla-preparacion.csv', organizationId: agencyId }, roster)).json();
    expect(uploaded.mapping.map((m: { field: string | null }) => m.field)).toEqual([
      'givenName',
      'familyName',
      'email',
      'passportNumber',
      'passportExpiresOn',
      'medicalClearanceOn',
      'securityClearance',
      'securityClearanceOn',
      'agencyReleaseOn',
      'predeploymentTrainingOn',
    ]);

    // The import shows the numbers masked, as the person page does.
    expect(uploaded.preview[0].cells[3]).toBe('••••678');
    expect(JSON.stringify(uploaded)).not.toContain('5678');

    const view = await importFile(t, officer, { kind: 'people', filename: 'plantilla-preparacion.csv', organizationId: agencyId }, roster);
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', problemCount: 0, summary: { created: 2 } });
    // Once imported, the file is gone and what is kept of its first rows holds no number in clear.
    const kept = await t.testDb.database.db.selectFrom('imports').select('preview').where('id', '=', view.id as string).executeTakeFirstOrThrow();
    expect(kept.preview).not.toContain('5678');

    const xiomara = await personNamed('Quintanilla Ejemplo');
    const items = Object.fromEntries(xiomara.readinessItems.map((r) => [r.item, r]));
    expect(items.passport).toMatchObject({ completedOn: null, expiresOn: '2029-06-30', passportNumberMasked: expect.stringMatching(/678$/) });
    expect(items.medical_clearance).toMatchObject({ completedOn: '2026-10-15' });
    expect(items.security_clearance).toMatchObject({ completedOn: '2026-09-01', reference: 'Secreto' });
    expect(items.agency_release).toMatchObject({ completedOn: '2026-11-20' });
    expect(items.predeployment_training).toMatchObject({ completedOn: '2026-11-05' });
    // Passport six months past a tour's end, medical under a year old, training done: ready.
    expect(xiomara.readiness.status).toBe('ready');

    const revealed = await officer.post(`/api/people/${xiomara.id}/passport-number/reveal`);
    expect(revealed.json()).toEqual({ passportNumber: 'A12345678' });
    const stored = await t.testDb.database.db.selectFrom('person_readiness').select(['secret', 'secret_hint']).where('person_id', '=', xiomara.id).where('item', '=', 'passport').executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain('12345678');
    expect(stored.secret_hint).toBe('678');

    const events = await readinessEvents(xiomara.id);
    expect(events.map((e) => e.after?.item).sort()).toEqual(['agency_release', 'medical_clearance', 'passport', 'predeployment_training', 'security_clearance']);
    expect(events.find((e) => e.after?.item === 'passport')?.after).toMatchObject({ passportNumberChanged: true });
    expect(JSON.stringify(events)).not.toContain('12345678');

    const rigoberto = await personNamed('Zelaya Ficticio');
    expect(rigoberto.readinessItems).toEqual([]);
  });

  it('changes nothing when the same roster comes again, and keeps the number when a later file gives only a new expiry', async () => {
    const before = await personNamed('Quintanilla Ejemplo');
    const again = await importFile(t, officer, { kind: 'people', filename: 'plantilla-preparacion.csv', organizationId: agencyId }, roster);
    expect(again).toMatchObject({ status: 'committed', summary: { created: 0, updated: 0, unchanged: 2 } });
    expect((await personNamed('Quintanilla Ejemplo')).version).toBe(before.version);
    expect(await readinessEvents(before.id)).toHaveLength(5);

    const renewed = ['Correo electrónico;Nombre;Apellido;Vencimiento del pasaporte', 'xiomara.q@pncp.example;Xiomara;Quintanilla Ejemplo;31/12/2034'].join('\n');
    const view = await importFile(t, officer, { kind: 'people', filename: 'renovacion.csv', organizationId: agencyId }, renewed);
    expect(view).toMatchObject({ status: 'committed', summary: { updated: 1 } });
    const after = await personNamed('Quintanilla Ejemplo');
    expect(after.version).toBe(before.version + 1);
    expect(after.readinessItems.find((r) => r.item === 'passport')).toMatchObject({ expiresOn: '2034-12-31', passportNumberMasked: expect.stringMatching(/678$/) });
    expect((await officer.post(`/api/people/${after.id}/passport-number/reveal`)).json()).toEqual({ passportNumber: 'A12345678' });
    // The medical clearance, not in this file, stays as it was.
    expect(after.readinessItems.find((r) => r.item === 'medical_clearance')).toMatchObject({ completedOn: '2026-10-15' });
  });

  it('keeps the number on record when a file repeats it, and refuses an expiry before the issue date on record', async () => {
    const header = 'Email,Given name,Family name,Passport number,Passport issued on,Passport expires on';
    const dated = await importFile(t, officer, { kind: 'people', filename: 'fechas.csv', organizationId: agencyId }, [header, 'xiomara.q@pncp.example,Xiomara,Quintanilla Ejemplo,A1234-5678,2025-01-10,2035-01-09'].join('\n'));
    expect(dated).toMatchObject({ status: 'committed', summary: { updated: 1 } });
    const person = await personNamed('Quintanilla Ejemplo');
    const passportEvents = (await readinessEvents(person.id)).filter((e) => e.after?.item === 'passport');
    expect(passportEvents.find((e) => e.after?.expiresOn === '2035-01-09')?.after).toMatchObject({ completedOn: '2025-01-10', passportNumberChanged: false });

    const early = await importFile(t, officer, { kind: 'people', filename: 'temprano.csv', organizationId: agencyId }, ['Email,Given name,Family name,Passport expires on', 'xiomara.q@pncp.example,Xiomara,Quintanilla Ejemplo,2024-12-31'].join('\n'));
    expect(early).toMatchObject({ status: 'validated', problemCount: 1 });
    expect((await problemsOf(officer, early.id as string))[0]).toMatchObject({ row: 2, columnName: 'Passport expires on', reason: 'comes before the day it was issued (January 10, 2025)' });
  });

  it('refuses incomplete or unreadable readiness by row and column, and writes nothing', async () => {
    const file = [
      'Given name,Family name,Email,Passport number,Passport expires on,Security clearance level,Security clearance granted on,Medical clearance on',
      'Ofelia,Prueba Uno,ofelia.1@pncp.example,B7654321,,,,',
      'Tránsito,Prueba Dos,transito.2@pncp.example,AB,2030-01-01,,,',
      'Eulalio,Prueba Tres,eulalio.3@pncp.example,,,Confidencial,,',
      'Herminia,Prueba Cuatro,herminia.4@pncp.example,,,,,2026-02-30',
    ].join('\n');
    const view = await importFile(t, officer, { kind: 'people', filename: 'incompleto.csv', organizationId: agencyId }, file);
    expect(view).toMatchObject({ status: 'validated', problemCount: 4 });
    const problems = await problemsOf(officer, view.id as string);
    expect(problems.map((p) => [p.row, p.columnName])).toEqual([
      [2, 'Passport expires on'],
      [3, 'Passport number'],
      [4, 'Security clearance granted on'],
      [5, 'Medical clearance on'],
    ]);
    expect(problems[0]?.reason).toMatch(/needed with a passport/);
    expect(problems[1]).toMatchObject({ value: '••••AB', reason: expect.stringMatching(/not a passport number/) });
    expect(problems[2]?.reason).toMatch(/security clearance/);
    expect((await officer.get(`/api/people?organizationId=${agencyId}&q=prueba`)).json().items).toHaveLength(0);
  });

  it('lets a coordinator bring their own agency’s readiness, and no other', async () => {
    const otherAgency = (await buildOrganization(t.services, t.system, { name: 'Academia Ajena de Prueba', kind: 'foreign_police', country: 'GT' })).id;
    await importFile(t, officer, { kind: 'people', filename: 'ajeno.csv', organizationId: otherAgency }, ['Given name,Family name,Email', 'Anselmo,Ajeno Ejemplo,anselmo.a@ajena.example'].join('\n'));
    const coordinator = await agentFor(t, 'coordinator', { organizationId: agencyId });
    const header = 'Given name,Family name,Email,Passport number,Passport expires on';
    const file = [header, 'Nicanor,Coordinado Ejemplo,nicanor.c@pncp.example,C1122334,2031-03-31', 'Anselmo,Ajeno Ejemplo,anselmo.a@ajena.example,D9988776,2031-03-31'].join('\n');
    const refused = await importFile(t, coordinator, { kind: 'people', filename: 'propio.csv' }, file);
    expect(refused).toMatchObject({ status: 'validated', problemCount: 1 });
    expect((await problemsOf(coordinator, refused.id as string))[0]).toMatchObject({ row: 3, reason: expect.stringMatching(/another agency/) });
    const view = await importFile(t, coordinator, { kind: 'people', filename: 'propio.csv' }, file.split('\n').slice(0, 2).join('\n'));
    expect(view).toMatchObject({ status: 'committed', summary: { created: 1 } });
    const nicanor = await personNamed('Coordinado Ejemplo');
    expect(nicanor.readinessItems.find((r) => r.item === 'passport')).toMatchObject({ expiresOn: '2031-03-31', passportNumberMasked: expect.stringMatching(/334$/) });
  });
});
