import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPerson } from '../../../test/factories.js';
import type { CreatePersonInput } from '../people/people.schemas.js';

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

async function readyOfficer(overrides: Partial<CreatePersonInput> = {}) {
  const person = await buildPerson(t.services, t.system, {
    organizationId: agencyId,
    languages: [{ language: 'ht', speaking: '3', reading: '2' }],
    heritageCountries: ['HT'],
    ...overrides,
  });
  await t.services.people.setReadiness(t.system, person.id, 'passport', { completedOn: '2008-01-01', expiresOn: '2018-01-01' });
  await t.services.people.setReadiness(t.system, person.id, 'medical_clearance', { completedOn: '2010-05-01' });
  await t.services.people.setReadiness(t.system, person.id, 'predeployment_training', { completedOn: '2010-06-15' });
  return person;
}

async function planDeployment(headcount = 6, startOn = '2010-08-09') {
  const response = await officer.post('/api/deployments', {
    title: `Mission ${Math.random().toString(36).slice(2, 7)}`,
    hostCountry: 'HT',
    hostOrganizationId: hostId,
    track: 'policing',
    purposes: ['mentor', 'train', 'advise'],
    startOn,
    authorizedHeadcount: headcount,
    requiredLanguages: [
      { language: 'ht', minSpeaking: '2' },
      { language: 'fr', minSpeaking: '2' },
    ],
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const act = async (deploymentId: string, assignmentId: string, body: object) => {
  const current = (await officer.get(`/api/deployments/${deploymentId}/assignments`)).json().items.find((a: { id: string }) => a.id === assignmentId);
  return officer.post(`/api/deployments/${deploymentId}/assignments/${assignmentId}/status-changes`, body, current.version);
};
const moveDeployment = async (id: string, status: string) => {
  const current = (await officer.get(`/api/deployments/${id}`)).json();
  return officer.post(`/api/deployments/${id}/status-changes`, { status }, current.version);
};

describe('a deployment from plan to return', () => {
  it('staffs six officers for 90 days and counts 540 person-days', async () => {
    const deployment = await planDeployment();
    expect(deployment).toMatchObject({ status: 'planning', startOn: '2010-08-09', endOn: '2010-11-06', purposes: ['mentor', 'train', 'advise'] });
    expect(deployment.rotations).toEqual([expect.objectContaining({ sequence: 1, authorizedHeadcount: 6, selectedCount: 0, deployedCount: 0 })]);
    expect((await moveDeployment(deployment.id, 'staffing')).statusCode).toBe(200);

    const officers = [];
    for (let i = 0; i < 6; i += 1) officers.push(await readyOfficer());
    const assignmentIds: string[] = [];
    for (const person of officers) {
      const nominated = await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'mentor' });
      expect(nominated.statusCode).toBe(201);
      expect(nominated.json()).toMatchObject({ status: 'nominated', startOn: '2010-08-09', endOn: '2010-11-06', blockers: [] });
      assignmentIds.push(nominated.json().id);
      expect((await act(deployment.id, nominated.json().id, { status: 'selected' })).statusCode).toBe(200);
      expect((await act(deployment.id, nominated.json().id, { status: 'ready' })).statusCode).toBe(200);
    }

    expect((await moveDeployment(deployment.id, 'in_country')).json().rule).toBe('deployment.status_transition');
    expect((await moveDeployment(deployment.id, 'predeployment')).statusCode).toBe(200);
    expect((await moveDeployment(deployment.id, 'in_country')).json().rule).toBe('deployment.in_country_needs_deployed');

    t.clock.set('2010-08-09T08:00:00Z');
    for (const id of assignmentIds) expect((await act(deployment.id, id, { status: 'deployed' })).json()).toMatchObject({ status: 'deployed', deployedOn: '2010-08-09' });
    expect((await moveDeployment(deployment.id, 'in_country')).statusCode).toBe(200);

    t.clock.set('2010-11-06T08:00:00Z');
    expect((await moveDeployment(deployment.id, 'completed')).json().rule).toBe('deployment.completed_with_people_deployed');
    for (const id of assignmentIds) expect((await act(deployment.id, id, { status: 'returned', on: '2010-11-06' })).statusCode).toBe(200);
    t.clock.set('2010-11-05T08:00:00Z');
    expect((await moveDeployment(deployment.id, 'completed')).json().rule).toBe('deployment.completed_before_end');
    t.clock.set('2010-11-07T08:00:00Z');
    const completed = (await moveDeployment(deployment.id, 'completed')).json();
    expect(completed).toMatchObject({ status: 'completed', personDays: 540 });
    expect(completed.rotations[0]).toMatchObject({ authorizedHeadcount: 6, selectedCount: 6, deployedCount: 6 });
    expect(completed.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['planning', 'staffing', 'predeployment', 'in_country', 'completed']);
    expect(completed.history[1].changedByName).toMatch(/^Test program_officer/);
    const csv = (await officer.get('/api/deployments?format=csv&hostCountry=HT')).body;
    expect(csv).toContain('Title,Host country,Host organization,Status');
    expect(csv).toContain(',Haiti,');
    expect(csv).toContain(',540');

    const byCountry = (await officer.get('/api/deployments/person-days?groupBy=country&year=2010')).json();
    expect(byCountry.rows.find((r: { key: string }) => r.key === 'HT')).toMatchObject({ people: 6, personDays: 540 });
    const timeline = (await officer.get('/api/deployments/timeline?from=2010-01-01&to=2010-12-31')).json().items;
    expect(timeline.filter((a: { deploymentId: string }) => a.deploymentId === deployment.id)).toHaveLength(6);
    expect((await officer.get('/api/deployments/timeline?from=2000-01-01&to=2010-12-31')).json().errors[0].pointer).toBe('/query/to');
    const byDeployment = (await officer.get('/api/deployments/person-days?groupBy=deployment')).json();
    expect(byDeployment.rows.find((r: { key: string }) => r.key === deployment.id)).toMatchObject({ personDays: 540 });
    t.clock.set('2010-07-01T12:00:00Z');
  });
});

describe('assignment rules', () => {
  it('refuses to mark ready or deploy someone not ready, naming the rule and the person', async () => {
    const deployment = await planDeployment();
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId, givenName: 'Unready', familyName: 'Testperson' });
    await t.services.people.setReadiness(t.system, person.id, 'passport', { completedOn: '2008-01-01', expiresOn: '2011-05-05' });
    await t.services.people.setReadiness(t.system, person.id, 'medical_clearance', { completedOn: '2010-05-01' });
    await t.services.people.setReadiness(t.system, person.id, 'predeployment_training', { completedOn: '2010-06-15' });
    const assignment = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'trainer' })).json();
    expect(assignment.blockers).toEqual([{ rule: 'readiness.passport_six_months', detail: expect.stringContaining('Unready Testperson has a passport expiring May 5, 2011') }]);
    await act(deployment.id, assignment.id, { status: 'selected' });
    const refused = await act(deployment.id, assignment.id, { status: 'ready' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ rule: 'readiness.passport_six_months', detail: expect.stringContaining('Unready Testperson') });

    await t.services.people.setReadiness(t.system, person.id, 'passport', { completedOn: '2008-01-01', expiresOn: '2011-05-06' });
    expect((await act(deployment.id, assignment.id, { status: 'ready' })).statusCode).toBe(200);
  });

  it('refuses a person in two overlapping assignments, by a single day', async () => {
    const first = await planDeployment(6, '2010-09-01');
    const second = await planDeployment(6, '2010-11-29');
    const third = await planDeployment(6, '2010-11-30');
    const person = await readyOfficer();
    expect((await officer.post(`/api/deployments/${first.id}/assignments`, { personId: person.id, role: 'mentor' })).statusCode).toBe(201);
    const clash = await officer.post(`/api/deployments/${second.id}/assignments`, { personId: person.id, role: 'mentor' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ rule: 'assignment.overlap', detail: expect.stringContaining('from September 1, 2010 to November 29, 2010') });
    expect((await officer.post(`/api/deployments/${third.id}/assignments`, { personId: person.id, role: 'mentor' })).statusCode).toBe(201);
  });

  it('refuses to select past the authorized headcount', async () => {
    const deployment = await planDeployment(1);
    const [a, b] = [await readyOfficer(), await readyOfficer()];
    const first = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: a.id, role: 'mentor' })).json();
    const second = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: b.id, role: 'mentor' })).json();
    expect((await act(deployment.id, first.id, { status: 'selected' })).statusCode).toBe(200);
    const full = await act(deployment.id, second.id, { status: 'selected' });
    expect(full.statusCode).toBe(409);
    expect(full.json().rule).toBe('rotation.headcount_full');
  });

  it('extends an assignment, and withdraws one with a reason', async () => {
    const deployment = await planDeployment(2, '2010-12-01');
    const person = await readyOfficer();
    const assignment = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'advisor' })).json();
    const extended = await officer.post(`/api/deployments/${deployment.id}/assignments/${assignment.id}/extensions`, { endOn: '2011-03-31', reason: 'handover' }, assignment.version);
    expect(extended.json()).toMatchObject({ endOn: '2011-03-31' });
    const earlier = await officer.post(`/api/deployments/${deployment.id}/assignments/${assignment.id}/extensions`, { endOn: '2011-01-01' }, extended.json().version);
    expect(earlier.json().errors[0].pointer).toBe('/body/endOn');
    const noReason = await act(deployment.id, assignment.id, { status: 'withdrawn' });
    expect(noReason.json().errors[0].pointer).toBe('/body/reason');
    expect((await act(deployment.id, assignment.id, { status: 'withdrawn', reason: 'family reasons' })).json()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'family reasons' });
  });
});

describe('rotations', () => {
  it('staffs a long mission in rotations, with authorized and deployed for each', async () => {
    const deployment = await planDeployment(6, '2011-01-10');
    const added = await officer.post(`/api/deployments/${deployment.id}/rotations`, { startOn: '2011-04-10', authorizedHeadcount: 4 });
    expect(added.statusCode).toBe(201);
    const detail = added.json();
    expect(detail.rotations.map((r: { sequence: number; authorizedHeadcount: number }) => [r.sequence, r.authorizedHeadcount])).toEqual([
      [1, 6],
      [2, 4],
    ]);
    expect(detail.endOn).toBe('2011-07-08');
    const backwards = await officer.post(`/api/deployments/${deployment.id}/rotations`, { startOn: '2011-01-01', authorizedHeadcount: 4 });
    expect(backwards.json().rule).toBe('rotation.order');
  });
});

describe('candidate finder', () => {
  it('ranks people by language, heritage, availability and readiness, and explains each score', async () => {
    const org = await buildOrganization(t.services, t.system, { name: 'Candidate Pool PD' });
    const best = await readyOfficer({ organizationId: org.id, givenName: 'Best', familyName: 'Candidate' });
    const french = await buildPerson(t.services, t.system, { organizationId: org.id, givenName: 'French', familyName: 'Speaker', languages: [{ language: 'fr', speaking: '2', reading: '2' }] });
    const none = await buildPerson(t.services, t.system, { organizationId: org.id, givenName: 'No', familyName: 'Languages' });
    const deployment = await planDeployment(6, '2010-10-04');
    const candidates = (await officer.get(`/api/deployments/${deployment.id}/candidates?limit=200`)).json().items as {
      person: { id: string };
      score: number;
      components: { factor: string; points: number; detail: string }[];
    }[];
    const rank = (id: string) => candidates.findIndex((c) => c.person.id === id);
    expect(rank(best.id)).toBeLessThan(rank(french.id));
    expect(rank(french.id)).toBeLessThan(rank(none.id));
    const top = candidates[rank(best.id)];
    // Full marks but the track's: the agency has no policing partnership nor training on record.
    expect(top?.score).toBe(90);
    expect(top?.components.map((c) => c.factor)).toEqual(['language', 'heritage', 'specialty', 'availability', 'readiness', 'track']);
    expect(top?.components[0]?.detail).toBe('Haitian Creole speaking 3 (meets the 2 asked)');
    const frenchLanguage = candidates[rank(french.id)]?.components[0];
    expect(frenchLanguage).toMatchObject({ points: 40, detail: 'French speaking 2 (meets the 2 asked)' });
    expect(candidates[rank(none.id)]?.components[0]).toMatchObject({ points: 0 });
    expect(candidates.some((c) => c.person.id === hostId)).toBe(false);
  });
});

describe('concurrency', () => {
  it('lets one of two officers selecting the last place win; the other gets 409', async () => {
    const deployment = await planDeployment(1, '2013-01-07');
    const [a, b] = [await readyOfficer(), await readyOfficer()];
    const first = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: a.id, role: 'mentor' })).json();
    const second = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: b.id, role: 'mentor' })).json();
    const other = await agentFor(t, 'program_officer');
    const [x, y] = await Promise.all([
      officer.post(`/api/deployments/${deployment.id}/assignments/${first.id}/status-changes`, { status: 'selected' }, first.version),
      other.post(`/api/deployments/${deployment.id}/assignments/${second.id}/status-changes`, { status: 'selected' }, second.version),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const rotation = (await officer.get(`/api/deployments/${deployment.id}`)).json().rotations[0];
    expect(rotation.selectedCount).toBe(1);
  });

  it('lets one of two edits of one assignment win; the other gets 412', async () => {
    const deployment = await planDeployment(2, '2013-06-03');
    const person = await readyOfficer();
    const assignment = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'mentor' })).json();
    const other = await agentFor(t, 'program_officer');
    const [x, y] = await Promise.all([
      officer.post(`/api/deployments/${deployment.id}/assignments/${assignment.id}/extensions`, { endOn: '2013-09-30' }, assignment.version),
      other.post(`/api/deployments/${deployment.id}/assignments/${assignment.id}/status-changes`, { status: 'withdrawn', reason: 'x' }, assignment.version),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 412]);
  });

  it('never books one person twice when two deployments nominate them at once', async () => {
    const [d1, d2] = [await planDeployment(2, '2014-02-03'), await planDeployment(2, '2014-02-10')];
    const person = await readyOfficer();
    const results = await Promise.all([d1, d2].map((d) => officer.post(`/api/deployments/${d.id}/assignments`, { personId: person.id, role: 'mentor' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('who sees deployments', () => {
  it('shows a coordinator only their own people, lets them nominate them, not select', async () => {
    const own = await buildOrganization(t.services, t.system);
    const coordinator = await agentFor(t, 'coordinator', { organizationId: own.id });
    const deployment = await planDeployment(3, '2015-03-02');
    const outsider = await readyOfficer();
    await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: outsider.id, role: 'mentor' });
    const mine = await buildPerson(t.services, t.system, { organizationId: own.id });

    const nominated = await coordinator.post(`/api/deployments/${deployment.id}/assignments`, { personId: mine.id, role: 'mentor' });
    expect(nominated.statusCode).toBe(201);
    const seen = (await coordinator.get(`/api/deployments/${deployment.id}`)).json();
    expect(seen.assignments.map((a: { person: { id: string } }) => a.person.id)).toEqual([mine.id]);
    expect(seen.assignments[0].allowedStatuses).toEqual(['withdrawn']);
    const asStaff = (await officer.get(`/api/deployments/${deployment.id}`)).json();
    expect(asStaff.assignments.find((a: { person: { id: string } }) => a.person.id === mine.id).allowedStatuses).toEqual(['selected', 'withdrawn']);
    const notMine = await coordinator.post(`/api/deployments/${deployment.id}/assignments`, { personId: outsider.id, role: 'mentor' });
    expect(notMine.statusCode).toBe(400);
    const select = await coordinator.post(
      `/api/deployments/${deployment.id}/assignments/${nominated.json().id}/status-changes`,
      { status: 'selected' },
      nominated.json().version,
    );
    expect(select.statusCode).toBe(403);
    const withdraw = await coordinator.post(
      `/api/deployments/${deployment.id}/assignments/${nominated.json().id}/status-changes`,
      { status: 'withdrawn', reason: 'not available after all' },
      nominated.json().version,
    );
    expect(withdraw.statusCode).toBe(200);
  });

  it('tells each caller what they may do with a deployment and its assignments', async () => {
    const own = await buildOrganization(t.services, t.system);
    const coordinator = await agentFor(t, 'coordinator', { organizationId: own.id });
    const viewer = await agentFor(t, 'viewer');
    const deployment = await planDeployment(3, '2016-03-07');
    const mine = await buildPerson(t.services, t.system, { organizationId: own.id });
    const instructor = await agentFor(t, 'instructor', { personId: mine.id });
    const nominated = (await coordinator.post(`/api/deployments/${deployment.id}/assignments`, { personId: mine.id, role: 'mentor' })).json();
    expect(nominated.allowedActions).toEqual(['withdrawn']);

    const asStaff = (await officer.get(`/api/deployments/${deployment.id}`)).json();
    expect(asStaff.allowedActions).toEqual(['update', 'changeStatus', 'addRotation', 'updateRotation', 'nominate']);
    expect(asStaff.assignments[0].allowedActions).toEqual(['selected', 'withdrawn', 'extend']);
    const asCoordinator = (await coordinator.get(`/api/deployments/${deployment.id}`)).json();
    expect(asCoordinator.allowedActions).toEqual(['nominate']);
    expect(asCoordinator.assignments[0].allowedActions).toEqual(['withdrawn']);
    expect(asCoordinator.assignments[0].blockers).toBeDefined();
    const asViewer = (await viewer.get(`/api/deployments/${deployment.id}`)).json();
    expect(asViewer.allowedActions).toEqual([]);
    expect(asViewer.assignments[0].allowedActions).toEqual([]);
    expect(asViewer.assignments[0].blockers).toBeUndefined();
    const asInstructor = (await instructor.get(`/api/deployments/${deployment.id}`)).json();
    expect(asInstructor.assignments.map((a: { id: string }) => a.id)).toEqual([nominated.id]);
    expect(asInstructor.assignments[0].allowedActions).toEqual([]);
    expect((await coordinator.get('/api/deployments?limit=200')).json().items.find((d: { id: string }) => d.id === deployment.id).allowedActions).toEqual(['nominate']);

    // Once selected, the coordinator may still withdraw their nomination; once ready, no longer.
    expect((await act(deployment.id, nominated.id, { status: 'selected' })).statusCode).toBe(200);
    const selected = (await coordinator.get(`/api/deployments/${deployment.id}/assignments`)).json().items[0];
    expect(selected.allowedActions).toEqual(['withdrawn']);
    const asStaffSelected = (await officer.get(`/api/deployments/${deployment.id}/assignments`)).json().items.find((a: { id: string }) => a.id === nominated.id);
    expect(asStaffSelected.allowedActions).toEqual(['nominated', 'ready', 'withdrawn', 'extend']);
    expect(asStaffSelected.allowedStatuses).toEqual(['nominated', 'ready', 'withdrawn']);

    expect((await officer.get('/api/auth/me')).json().capabilities.deployments).toEqual(['read', 'create', 'update', 'changeStatus', 'addRotation', 'updateRotation', 'nominate']);
    expect((await coordinator.get('/api/auth/me')).json().capabilities.deployments).toEqual(['read', 'nominate']);
    expect((await viewer.get('/api/auth/me')).json().capabilities.deployments).toEqual(['read']);
  });
});
