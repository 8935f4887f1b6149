import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPerson } from '../../../test/factories.js';
import { readerOf } from '../../../test/reader.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Roster Languages Police Department' })).id;
});
afterAll(() => t.close());

describe('people in the reader’s language', () => {
  it('refuses a second person with an email in Spanish, the field named in Spanish', async () => {
    await buildPerson(t.services, t.system, { organizationId: agencyId, email: 'ana.lopez@example.test' });
    const taken = await readerOf(t, officer, 'es-SV').post('/api/people', { organizationId: agencyId, givenName: 'Otra', familyName: 'Persona', email: 'ana.lopez@example.test' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ detail: 'Otra persona ya tiene ese correo electrónico.', errors: [{ pointer: '/body/email', detail: 'ya es el correo electrónico de otra persona' }] });
  });

  it('asks in French for the day a readiness item was done, and words a schema’s own check in French', async () => {
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId });
    const french = readerOf(t, officer, 'fr');
    const missing = await french.put(`/api/people/${person.id}/readiness/medical_clearance`, { reference: 'MED-1' }, person.version);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      detail: 'L’enregistrement doit indiquer la date de réalisation.',
      errors: [{ pointer: '/body/completedOn', detail: 'est obligatoire pour un enregistrement «\u00a0certificat d’aptitude médicale\u00a0»' }],
    });
    const twice = await french.post('/api/people', {
      organizationId: agencyId,
      givenName: 'Deux',
      familyName: 'Fois',
      languages: [
        { language: 'fr', speaking: '2', reading: '2' },
        { language: 'fr', speaking: '3', reading: '2' },
      ],
    });
    expect(twice.json().errors[0]).toEqual({ pointer: '/body/languages', detail: 'ne doit pas citer deux fois la même langue' });
  });

  it('gives the readiness badge’s reasons in the reader’s language, on the person and in the roster', async () => {
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId, givenName: 'Sans', familyName: 'Dossier' });
    const reasons = ['n’a aucun passeport enregistré', 'n’a aucun certificat d’aptitude médicale enregistré', 'n’a pas suivi la formation de prédéploiement'];
    expect((await readerOf(t, officer, 'fr').get(`/api/people/${person.id}`)).json().readiness).toEqual({ status: 'not_ready', reasons });
    const roster = (await readerOf(t, officer, 'pt-BR').get(`/api/people?organizationId=${agencyId}&q=Sans%20Dossier`)).json().items;
    expect(roster[0].readiness.reasons).toEqual(['não tem passaporte registrado', 'não tem liberação médica registrada', 'não fez a capacitação pré-missão']);
    expect((await officer.get(`/api/people/${person.id}`)).json().readiness.reasons[0]).toBe('has no passport on record');
  });
});
