import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPerson } from '../../../test/factories.js';
import { readerOf } from '../../../test/reader.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;
let hostId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Deploying Police Department' })).id;
  hostId = (await buildOrganization(t.services, t.system, { name: 'Host National Police', kind: 'foreign_police', country: 'HT' })).id;
});
afterAll(() => t.close());

async function planDeployment(title: string, startOn: string) {
  const response = await officer.post('/api/deployments', {
    title,
    hostCountry: 'HT',
    hostOrganizationId: hostId,
    track: 'policing',
    purposes: ['mentor'],
    startOn,
    authorizedHeadcount: 4,
    requiredLanguages: [{ language: 'fr', minSpeaking: '2' }],
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function officerWithPassportUntil(expiresOn: string, names: { givenName: string; familyName: string }) {
  const person = await buildPerson(t.services, t.system, { organizationId: agencyId, languages: [{ language: 'fr', speaking: '3', reading: '3' }], ...names });
  await t.services.people.setReadiness(t.system, person.id, 'passport', { completedOn: '2008-01-01', expiresOn });
  await t.services.people.setReadiness(t.system, person.id, 'medical_clearance', { completedOn: '2010-05-01' });
  await t.services.people.setReadiness(t.system, person.id, 'predeployment_training', { completedOn: '2010-06-15' });
  return person;
}

describe('deployments in the reader’s language', () => {
  it('refuses an overlapping assignment in Spanish, the rule unchanged', async () => {
    const first = await planDeployment('Misión Uno', '2010-09-01');
    const second = await planDeployment('Misión Dos', '2010-11-29');
    const person = await officerWithPassportUntil('2018-01-01', { givenName: 'Ana', familyName: 'Díaz' });
    expect((await officer.post(`/api/deployments/${first.id}/assignments`, { personId: person.id, role: 'mentor' })).statusCode).toBe(201);

    const clash = await readerOf(t, officer, 'es-SV,es;q=0.9,en;q=0.5').post(`/api/deployments/${second.id}/assignments`, { personId: person.id, role: 'mentor' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({
      rule: 'assignment.overlap',
      detail: 'Ana Díaz ya está asignado(a) a Misión Uno del 1 de septiembre de 2010 al 29 de noviembre de 2010, lo cual se superpone con estas fechas.',
    });
  });

  it('names the dates outside the deployment field by field in Spanish', async () => {
    const deployment = await planDeployment('Misión Tres', '2010-09-06');
    const person = await officerWithPassportUntil('2018-01-01', { givenName: 'Luis', familyName: 'Pérez' });
    const outside = await readerOf(t, officer, 'es').post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'trainer', startOn: '2010-09-05' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().detail).toBe('Las fechas de la asignación no se ajustan al despliegue.');
    expect(outside.json().errors).toEqual([{ pointer: '/body/startOn', detail: 'no debe ser anterior al inicio del despliegue (6 de septiembre de 2010)' }]);
  });

  it('refuses to ready someone not ready in French, each blocker a field problem, and shows the blocker in Haitian Creole', async () => {
    const deployment = await planDeployment('Mission Quatre', '2010-08-09');
    const person = await officerWithPassportUntil('2011-05-05', { givenName: 'Jean', familyName: 'Baptiste' });
    const assignment = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'trainer' })).json();
    const selected = await officer.post(`/api/deployments/${deployment.id}/assignments/${assignment.id}/status-changes`, { status: 'selected' }, assignment.version);
    expect(selected.statusCode).toBe(200);

    const refused = await readerOf(t, officer, 'fr-HT').post(`/api/deployments/${deployment.id}/assignments/${assignment.id}/status-changes`, { status: 'ready' }, selected.json().version);
    expect(refused.statusCode).toBe(422);
    const passport = 'Jean Baptiste a un passeport qui expire le 5 mai 2011\u00a0; il doit être valide au moins jusqu’au 6 mai 2011, six mois après la fin (6 novembre 2010)';
    expect(refused.json()).toMatchObject({ rule: 'readiness.passport_six_months', title: expect.any(String), detail: `${passport}.` });
    expect(refused.json().errors).toEqual([{ pointer: '/readiness/passport_six_months', detail: passport }]);

    const listed = (await readerOf(t, officer, 'ht').get(`/api/deployments/${deployment.id}/assignments`)).json().items;
    expect(listed[0].blockers).toEqual([
      { rule: 'readiness.passport_six_months', detail: 'Jean Baptiste gen yon paspò k ap ekspire 5 me 2011; li dwe valab omwen jiska 6 me 2011, sis mwa apre fen an (6 novanm 2010)' },
    ]);
  });

  it('refuses a status change in Portuguese, naming the statuses in Portuguese', async () => {
    const deployment = await planDeployment('Missão Cinco', '2010-08-09');
    const refused = await readerOf(t, officer, 'pt-BR').post(`/api/deployments/${deployment.id}/status-changes`, { status: 'completed' }, deployment.version);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      rule: 'deployment.status_transition',
      detail: 'Uma missão não pode passar de “Planejamento” para “Concluída”; de “Planejamento” ela pode passar para: Composição da equipe, Cancelada.',
    });
  });

  it('explains a candidate’s score in the reader’s language', async () => {
    const deployment = await planDeployment('Mission Six', '2010-08-09');
    await officerWithPassportUntil('2018-01-01', { givenName: 'Marie', familyName: 'Candidate' });
    const candidates = (await readerOf(t, officer, 'fr').get(`/api/deployments/${deployment.id}/candidates`)).json().items;
    const marie = candidates.find((c: { person: { name: string } }) => c.person.name === 'Marie Candidate');
    expect(marie.components.find((c: { factor: string }) => c.factor === 'language')).toMatchObject({ points: 40, detail: 'français, expression orale 3 (atteint le 2 exigé)' });
    expect(marie.components.find((c: { factor: string }) => c.factor === 'heritage')).toMatchObject({ detail: 'pas d’origine familiale\u00a0: Haïti' });
    expect(marie.components.find((c: { factor: string }) => c.factor === 'track')).toMatchObject({ detail: 'rien d’enregistré dans le volet «\u00a0Police\u00a0»' });
  });
});
