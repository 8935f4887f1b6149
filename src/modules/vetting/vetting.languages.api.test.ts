import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPerson } from '../../../test/factories.js';
import { readerOf } from '../../../test/reader.js';

let t: TestApp;
let officer: Agent;
let personId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-09-15T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  const agency = await buildOrganization(t.services, t.system, { name: 'Policía Nacional Civil', kind: 'foreign_police', country: 'SV' });
  personId = (await buildPerson(t.services, t.system, { organizationId: agency.id })).id;
});
afterAll(() => t.close());

describe('vetting in the reader’s language', () => {
  it('refuses a result dated before the submission in Spanish, and a clearance without its last day in French', async () => {
    const submitted = (await officer.post('/api/vetting', { personId, caseReference: `LEAHY-${Date.now()}`, submittedOn: '2010-08-01' })).json();
    const early = await readerOf(t, officer, 'es-SV').post(`/api/vetting/${submitted.id}/result`, { status: 'denied', resultOn: '2010-07-31' }, submitted.version);
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      detail: 'El resultado es anterior a la presentación.',
      errors: [{ pointer: '/body/resultOn', detail: 'no debe ser anterior al 1 de agosto de 2010' }],
    });
    const open = await readerOf(t, officer, 'fr').post(`/api/vetting/${submitted.id}/result`, { status: 'cleared', resultOn: '2010-09-01' }, submitted.version);
    expect(open.statusCode).toBe(400);
    expect(open.json().errors).toEqual([{ pointer: '/body/validUntil', detail: 'est obligatoire lorsque la vérification des antécédents reçoit un avis favorable' }]);
  });

  it('refuses a case reference already on record in Haitian Creole', async () => {
    const reference = `LEAHY-TWICE-${Date.now()}`;
    expect((await officer.post('/api/vetting', { personId, caseReference: reference, submittedOn: '2010-08-01' })).statusCode).toBe(201);
    const twice = await readerOf(t, officer, 'ht').post('/api/vetting', { personId, caseReference: reference, submittedOn: '2010-08-02' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ detail: `Gen yon dosye envestigasyon antesedan ${reference} ki deja anrejistre.`, errors: [{ pointer: '/body/caseReference', detail: 'deja anrejistre' }] });
  });
});
