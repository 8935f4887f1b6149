import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization } from '../../../test/factories.js';

/** Refusals in the reader's language: the words change, the rule and the codes never do. */
let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

describe('a problem answered in French', () => {
  it('refuses a stage the pipeline does not allow in French, naming the stages in French', async () => {
    const org = await buildOrganization(t.services, t.system);
    const created = await officer.post('/api/partnerships', { organizationId: org.id, startedOn: '2026-01-15' });
    expect(created.statusCode).toBe(201);
    const partnership = created.json();

    const refused = await officer.speaking('fr').post(`/api/partnerships/${partnership.id}/stage-changes`, { stage: 'active', on: '2026-02-01' }, partnership.version);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-language']).toBe('fr');
    expect(refused.json()).toMatchObject({
      code: 'rule_broken',
      rule: 'partnership.stage_transition',
      type: 'urn:cadre:rule:partnership.stage_transition',
      title: 'Une règle n’est pas respectée',
      detail: 'Un partenariat ne peut pas passer de l’étape Prospection à l’étape Actif\u00a0; depuis l’étape Prospection, il peut passer à En discussion ou Clos.',
    });

    const english = await officer.post(`/api/partnerships/${partnership.id}/stage-changes`, { stage: 'active', on: '2026-02-01' }, partnership.version);
    expect(english.headers['content-language']).toBe('en');
    expect(english.json()).toMatchObject({
      rule: 'partnership.stage_transition',
      title: 'A rule was broken',
      detail: 'A partnership cannot go from prospect to active; from prospect it can go to engaged or closed.',
    });
  });

  it('says what is wrong with each field of an agreement in French, dates written the French way', async () => {
    const org = await buildOrganization(t.services, t.system);
    const partnership = (await officer.post('/api/partnerships', { organizationId: org.id, startedOn: '2026-01-15' })).json();
    const refused = await officer.speaking('fr').post(`/api/partnerships/${partnership.id}/agreements`, {
      kind: 'mou',
      reference: 'FR-1',
      title: 'Protocole',
      signedOn: '2026-05-01',
      expiresOn: '2026-04-30',
      currency: 'usd',
      extra: true,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-language']).toBe('fr');
    const problem = refused.json();
    expect(problem).toMatchObject({ code: 'validation', title: 'La requête n’est pas valide' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/body/expiresOn', detail: 'ne doit pas précéder la date de signature (1 mai 2026)' },
        { pointer: '/body/currency', detail: 'doit être un code de devise ISO 4217, par exemple USD' },
        { pointer: '/body/extra', detail: 'n’est pas un champ accepté par cette requête' },
      ]),
    );
    expect(problem.errors).toHaveLength(3);
    for (const { pointer, detail } of problem.errors as { pointer: string; detail: string }[]) expect(problem.detail).toContain(`${pointer.slice('/body/'.length)} ${detail}`);
  });

  it('answers a user’s own language in Spanish, Portuguese and Haitian Creole too', async () => {
    const org = await buildOrganization(t.services, t.system);
    await officer.post('/api/partnerships', { organizationId: org.id });
    const again = { organizationId: org.id };
    const words = {
      es: ['Conflicto', 'ya tiene una alianza'],
      pt: ['Conflito', 'já tem uma parceria'],
      ht: ['Konfli', 'gen yon patenarya deja'],
    } as const;
    for (const [language, [title, field]] of Object.entries(words)) {
      const refused = await officer.speaking(language).post('/api/partnerships', again);
      expect(refused.statusCode, language).toBe(409);
      expect(refused.headers['content-language']).toBe(language);
      expect(refused.json(), language).toMatchObject({ code: 'conflict', title, errors: [{ pointer: '/body/organizationId', detail: field }] });
    }
  });
});
