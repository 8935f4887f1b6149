import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPerson } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Roster Test Police Department' })).id;
});
afterAll(() => t.close());

const versionOf = async (personId: string) => (await officer.get(`/api/people/${personId}`)).json().version as number;
const ready = async (personId: string) => {
  await officer.put(`/api/people/${personId}/readiness/passport`, { completedOn: '2008-01-01', expiresOn: '2018-01-01', passportNumber: 'X12345678' }, await versionOf(personId));
  await officer.put(`/api/people/${personId}/readiness/medical_clearance`, { completedOn: '2010-05-01' }, await versionOf(personId));
  await officer.put(`/api/people/${personId}/readiness/predeployment_training`, { completedOn: '2010-06-15' }, await versionOf(personId));
};

describe('people', () => {
  it('adds a person with languages, heritage and specialties', async () => {
    const response = await officer.post('/api/people', {
      organizationId: agencyId,
      givenName: 'Jonas',
      familyName: 'Testerbrook',
      rankTitle: 'Detective',
      email: 'Jonas.Testerbrook@example.test',
      sex: 'male',
      languages: [
        { language: 'ht', speaking: '3', reading: '2+' },
        { language: 'fr', speaking: '2+', reading: '2' },
      ],
      heritageCountries: ['HT'],
      specialties: ['Community Policing'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      organizationName: 'Roster Test Police Department',
      email: 'jonas.testerbrook@example.test',
      languages: [
        { language: 'ht', speaking: '3', reading: '2+' },
        { language: 'fr', speaking: '2+', reading: '2' },
      ],
      specialties: ['community policing'],
      readiness: { status: 'not_ready' },
    });
  });

  it('refuses bad languages, levels and duplicates', async () => {
    const bad = await officer.post('/api/people', {
      organizationId: agencyId,
      givenName: 'Bad',
      familyName: 'Levels',
      languages: [{ language: 'xx', speaking: '6', reading: '2' }],
    });
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/body/languages/0/language', '/body/languages/0/speaking']);
    const twice = await officer.post('/api/people', {
      organizationId: agencyId,
      givenName: 'Twice',
      familyName: 'Spoken',
      languages: [
        { language: 'fr', speaking: '2', reading: '2' },
        { language: 'fr', speaking: '3', reading: '2' },
      ],
    });
    expect(twice.json().errors[0]).toEqual({ pointer: '/body/languages', detail: 'must not list a language twice' });
  });

  it('refuses the same person twice on one roster (name and date of birth), and a reused email', async () => {
    await buildPerson(t.services, t.system, { organizationId: agencyId, givenName: 'Marie', familyName: 'Doubleton', dateOfBirth: '1975-03-02', email: 'md@example.test' });
    const same = await officer.post('/api/people', { organizationId: agencyId, givenName: 'marie', familyName: 'DOUBLETON', dateOfBirth: '1975-03-02' });
    expect(same.statusCode).toBe(409);
    const email = await officer.post('/api/people', { organizationId: agencyId, givenName: 'Other', familyName: 'Person', email: 'MD@example.test' });
    expect(email.json().errors[0].pointer).toBe('/body/email');
  });

  it('keeps the passport number encrypted, shows it masked, and audits each reveal', async () => {
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId });
    await ready(person.id);
    const detail = (await officer.get(`/api/people/${person.id}`)).json();
    const passport = detail.readinessItems.find((r: { item: string }) => r.item === 'passport');
    expect(passport.passportNumberMasked).toBe('••••678');
    expect(JSON.stringify(detail)).not.toContain('X12345678');

    const stored = await t.testDb.database.db.selectFrom('person_readiness').select('secret').where('person_id', '=', person.id).where('item', '=', 'passport').executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain('X12345678');

    const revealed = await officer.post(`/api/people/${person.id}/passport-number/reveal`);
    expect(revealed.json()).toEqual({ passportNumber: 'X12345678' });
    const admin = await agentFor(t, 'admin');
    const events = (await admin.get(`/api/audit?entityId=${person.id}&action=person.passport_reveal`)).json().items;
    expect(events).toHaveLength(1);
    expect(JSON.stringify((await admin.get(`/api/audit?entityId=${person.id}`)).json())).not.toContain('X12345678');
  });

  it('shows a readiness badge: ready, expiring, not ready, with reasons', async () => {
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId });
    await ready(person.id);
    expect((await officer.get(`/api/people/${person.id}`)).json().readiness).toEqual({ status: 'ready', reasons: [] });
    t.clock.set('2011-03-15T12:00:00Z');
    try {
      const expiring = (await officer.get(`/api/people/${person.id}`)).json().readiness;
      expect(expiring.status).toBe('expiring');
      expect(expiring.reasons[0]).toMatch(/medical clearance of May 1, 2010/);
      const page = (await officer.get(`/api/people?organizationId=${agencyId}&readiness=expiring`)).json().items;
      expect(page.map((p: { id: string }) => p.id)).toContain(person.id);
    } finally {
      t.clock.set('2010-07-01T12:00:00Z');
    }
    const readyList = (await officer.get(`/api/people?organizationId=${agencyId}&readiness=ready`)).json().items;
    expect(readyList.map((p: { id: string }) => p.id)).toContain(person.id);
    const notReady = (await officer.get(`/api/people?organizationId=${agencyId}&readiness=not_ready`)).json().items;
    expect(notReady.map((p: { id: string }) => p.id)).not.toContain(person.id);
  });

  it('records and removes a readiness item only at the person’s version it names (If-Match)', async () => {
    const { id, version } = await buildPerson(t.services, t.system, { organizationId: agencyId });
    const person = { id, version: version as number };
    const url = `/api/people/${person.id}/readiness/medical_clearance`;
    expect((await officer.put(url, { completedOn: '2010-05-01' })).statusCode).toBe(428);
    expect((await officer.put(url, { completedOn: '2010-05-01' }, person.version + 1)).statusCode).toBe(412);
    const set = await officer.put(url, { completedOn: '2010-05-01' }, person.version);
    expect(set.statusCode).toBe(200);
    expect(set.headers.etag).toBe(`"${person.version + 1}"`);
    // A second change from the version read before the first is stale, and changes nothing.
    expect((await officer.put(url, { completedOn: '2010-06-01' }, person.version)).statusCode).toBe(412);
    const remove = (version?: number) =>
      t.app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${officer.token}`, ...(version !== undefined && { 'if-match': `"${version}"` }) } });
    expect((await remove()).statusCode).toBe(428);
    expect((await remove(person.version)).statusCode).toBe(412);
    const removed = await remove(person.version + 1);
    expect(removed.statusCode).toBe(200);
    expect(removed.headers.etag).toBe(`"${person.version + 2}"`);
    expect(removed.json().readinessItems).toEqual([]);
  });

  it('searches by name without accents, by language and level, specialty and heritage', async () => {
    await buildPerson(t.services, t.system, {
      organizationId: agencyId,
      givenName: 'Éloïse',
      familyName: 'Searchwell',
      languages: [{ language: 'pt', speaking: '4', reading: '3' }],
      specialties: ['investigations'],
      heritageCountries: ['BR'],
    });
    const byName = (await officer.get('/api/people?q=eloise%20search')).json().items;
    expect(byName.map((p: { familyName: string }) => p.familyName)).toEqual(['Searchwell']);
    expect((await officer.get('/api/people?language=pt&minSpeaking=4')).json().items).toHaveLength(1);
    expect((await officer.get('/api/people?language=pt&minSpeaking=4%2B')).json().items).toHaveLength(0);
    expect((await officer.get('/api/people?specialty=Investigations')).json().items).toHaveLength(1);
    expect((await officer.get('/api/people?heritageCountry=BR')).json().items).toHaveLength(1);
  });

  it('pages past any size', async () => {
    const org = await buildOrganization(t.services, t.system);
    for (let i = 0; i < 60; i += 1) await buildPerson(t.services, t.system, { organizationId: org.id, givenName: `Pager${String(i).padStart(2, '0')}` });
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await officer.get(`/api/people?organizationId=${org.id}&limit=25${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      for (const p of page.items) ids.add(p.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids.size).toBe(60);
  });
});

describe('who sees people', () => {
  it('gives a coordinator their own agency only, and viewers names only', async () => {
    const own = await buildOrganization(t.services, t.system);
    const other = await buildOrganization(t.services, t.system);
    const mine = await buildPerson(t.services, t.system, { organizationId: own.id, email: 'mine@example.test', sex: 'female' });
    const theirs = await buildPerson(t.services, t.system, { organizationId: other.id });
    const coordinator = await agentFor(t, 'coordinator', { organizationId: own.id });

    expect((await coordinator.get(`/api/people/${mine.id}`)).json().email).toBe('mine@example.test');
    expect((await coordinator.get(`/api/people/${theirs.id}`)).statusCode).toBe(404);
    const list = (await coordinator.get('/api/people?limit=200')).json().items;
    expect(list.every((p: { organizationId: string }) => p.organizationId === own.id)).toBe(true);

    const created = await coordinator.post('/api/people', { organizationId: own.id, givenName: 'New', familyName: 'Recruit' });
    expect(created.statusCode).toBe(201);
    const elsewhere = await coordinator.post('/api/people', { organizationId: other.id, givenName: 'Not', familyName: 'Mine' });
    expect(elsewhere.statusCode).toBe(403);
    expect((await coordinator.post(`/api/people/${mine.id}/passport-number/reveal`)).statusCode).toBe(403);

    const viewer = await agentFor(t, 'viewer');
    const seen = (await viewer.get(`/api/people/${mine.id}`)).json();
    expect(Object.keys(seen).sort()).toEqual(['allowedActions', 'detail', 'familyName', 'givenName', 'id', 'organizationId', 'organizationName', 'rankTitle']);
    expect(seen.detail).toBe('names');
    expect(seen.allowedActions).toEqual([]);
    const csv = (await viewer.get(`/api/people?organizationId=${own.id}&format=csv`)).body;
    expect(csv).not.toContain('mine@example.test');
    expect((await viewer.post('/api/people', { organizationId: own.id, givenName: 'A', familyName: 'B' })).statusCode).toBe(403);
  });

  it('tells each caller what they may do with a person, and their role what it may do at all', async () => {
    const own = await buildOrganization(t.services, t.system);
    const person = await buildPerson(t.services, t.system, { organizationId: own.id });
    const coordinator = await agentFor(t, 'coordinator', { organizationId: own.id });
    const instructor = await agentFor(t, 'instructor', { personId: person.id });
    const viewer = await agentFor(t, 'viewer');
    const actionsOf = async (agent: Agent) => (await agent.get(`/api/people/${person.id}`)).json().allowedActions;

    expect(await actionsOf(officer)).toEqual(['update', 'setReadiness']);
    expect(await actionsOf(coordinator)).toEqual(['update', 'setReadiness']);
    expect(await actionsOf(instructor)).toEqual([]);
    expect(await actionsOf(viewer)).toEqual([]);
    // A passport number to reveal, to staff only.
    await t.services.people.setReadiness(t.system, person.id, 'passport', { completedOn: '2020-01-01', expiresOn: '2030-01-01', passportNumber: 'P7654321' });
    expect(await actionsOf(officer)).toEqual(['update', 'setReadiness', 'revealPassport']);
    expect(await actionsOf(coordinator)).toEqual(['update', 'setReadiness']);
    const listed = (await coordinator.get('/api/people')).json().items;
    expect(listed.map((p: { allowedActions: string[] }) => p.allowedActions)).toEqual([['update', 'setReadiness']]);

    expect((await officer.get('/api/auth/me')).json().capabilities.people).toEqual(['read', 'readDetail', 'create', 'update', 'setReadiness', 'revealPassport']);
    expect((await coordinator.get('/api/auth/me')).json().capabilities.people).toEqual(['read', 'readDetail', 'create', 'update', 'setReadiness']);
    expect((await viewer.get('/api/auth/me')).json().capabilities.people).toEqual(['read']);
  });
});
