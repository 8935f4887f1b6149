import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPerson } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;
let hostId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Deployment Edits Police Department' })).id;
  hostId = (await buildOrganization(t.services, t.system, { name: 'Deployment Edits Host Police', kind: 'foreign_police', country: 'HT' })).id;
});
afterAll(() => t.close());

async function readyOfficer(givenName: string) {
  const person = await buildPerson(t.services, t.system, { organizationId: agencyId, givenName, familyName: 'Edits' });
  await t.services.people.setReadiness(t.system, person.id, 'passport', { completedOn: '2008-01-01', expiresOn: '2018-01-01' });
  await t.services.people.setReadiness(t.system, person.id, 'medical_clearance', { completedOn: '2010-05-01' });
  await t.services.people.setReadiness(t.system, person.id, 'predeployment_training', { completedOn: '2010-06-15' });
  return person;
}

async function plan(startOn = '2010-08-09', endOn?: string) {
  const response = await officer.post('/api/deployments', {
    title: `Edits ${Math.random().toString(36).slice(2, 7)}`,
    hostCountry: 'HT',
    hostOrganizationId: hostId,
    track: 'policing',
    purposes: ['mentor'],
    startOn,
    ...(endOn && { endOn }),
    authorizedHeadcount: 4,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}
const current = async (id: string) => (await officer.get(`/api/deployments/${id}`)).json();
const edit = async (id: string, body: object) => officer.patch(`/api/deployments/${id}`, body, (await current(id)).version);
const move = async (id: string, body: object) => officer.post(`/api/deployments/${id}/status-changes`, body, (await current(id)).version);
const act = async (deploymentId: string, assignmentId: string, body: object) => {
  const assignment = (await officer.get(`/api/deployments/${deploymentId}/assignments`)).json().items.find((a: { id: string }) => a.id === assignmentId);
  return officer.post(`/api/deployments/${deploymentId}/assignments/${assignmentId}/status-changes`, body, assignment.version);
};

describe('correcting a deployment', () => {
  it('changes its title, languages, dates and places, and refuses a stale version with 412', async () => {
    const deployment = await plan();
    const edited = await officer.patch(
      `/api/deployments/${deployment.id}`,
      { title: 'Haiti: corrected title', requiredLanguages: [{ language: 'fr', minSpeaking: '2' }], startOn: '2010-08-16', endOn: '2010-11-13', authorizedHeadcount: 6 },
      deployment.version,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Haiti: corrected title', startOn: '2010-08-16', endOn: '2010-11-13', requiredLanguages: [{ language: 'fr', minSpeaking: '2' }] });
    expect(edited.json().rotations).toEqual([expect.objectContaining({ startOn: '2010-08-16', endOn: '2010-11-13', authorizedHeadcount: 6 })]);
    const stale = await officer.patch(`/api/deployments/${deployment.id}`, { summary: 'late' }, deployment.version);
    expect(stale.statusCode).toBe(412);
  });

  it('refuses an end before the start in the request, and against the stored start, with the same words', async () => {
    const deployment = await plan();
    const both = await edit(deployment.id, { startOn: '2010-09-01', endOn: '2010-08-31' });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors).toEqual([expect.objectContaining({ pointer: '/body/endOn', detail: 'must not come before the start' })]);
    const merged = await edit(deployment.id, { endOn: '2010-08-08' });
    expect(merged.statusCode).toBe(400);
    expect(merged.json().errors).toEqual([expect.objectContaining({ pointer: '/body/endOn', detail: 'must not come before the start' })]);
    expect((await edit(deployment.id, { endOn: '2010-08-09' })).statusCode).toBe(200);
  });

  it('moves officers on the planned dates with it, and their person-days; refuses, naming them, those with their own dates', async () => {
    const deployment = await plan();
    await move(deployment.id, { status: 'staffing' });
    const planned = await readyOfficer('Planned');
    const own = await readyOfficer('Own');
    const a = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: planned.id, role: 'mentor' })).json();
    const b = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: own.id, role: 'mentor', startOn: '2010-08-09', endOn: '2010-10-15' })).json();
    for (const status of ['selected', 'ready']) await act(deployment.id, a.id, { status });
    await move(deployment.id, { status: 'predeployment' });
    t.clock.set('2010-08-09T08:00:00Z');
    expect((await act(deployment.id, a.id, { status: 'deployed' })).statusCode).toBe(200);
    t.clock.set('2010-12-01T12:00:00Z');
    expect((await current(deployment.id)).personDays).toBe(90);

    const refused = await edit(deployment.id, { endOn: '2010-10-14' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ rule: 'deployment.assignments_outside_dates', detail: expect.stringContaining('Own Edits (August 9, 2010 to October 15, 2010)') });
    expect(refused.json().detail).not.toContain('Planned Edits');

    const shortened = await edit(deployment.id, { endOn: '2010-10-31' });
    expect(shortened.statusCode, shortened.body).toBe(200);
    expect(shortened.json()).toMatchObject({ endOn: '2010-10-31', personDays: 84 });
    const moved = shortened.json().assignments.find((x: { id: string }) => x.id === a.id);
    expect(moved).toMatchObject({ startOn: '2010-08-09', endOn: '2010-10-31', deployedOn: '2010-08-09' });
    expect(shortened.json().assignments.find((x: { id: string }) => x.id === b.id)).toMatchObject({ endOn: '2010-10-15' });
    const byDeployment = (await officer.get('/api/deployments/person-days?groupBy=deployment&year=2010')).json();
    expect(byDeployment.rows.find((r: { key: string }) => r.key === deployment.id)).toMatchObject({ personDays: 84 });
    // A deployed officer's start stays: the deployment cannot start after they arrived.
    const later = await edit(deployment.id, { startOn: '2010-08-10' });
    expect(later.json()).toMatchObject({ rule: 'deployment.assignments_outside_dates', detail: expect.stringContaining('Planned Edits (August 9, 2010 to October 31, 2010)') });
    t.clock.set('2010-07-01T12:00:00Z');
  });

  it('keeps an assignment inside its deployment, and an extension past the end extends the deployment', async () => {
    const deployment = await plan('2010-09-06', '2010-10-31');
    const person = await readyOfficer('Inside');
    const outside = await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'mentor', startOn: '2010-09-05', endOn: '2010-11-01' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([
      expect.objectContaining({ pointer: '/body/startOn', detail: 'must not come before the deployment starts (September 6, 2010)' }),
      expect.objectContaining({ pointer: '/body/endOn', detail: 'must not come after the deployment ends (October 31, 2010)' }),
    ]);
    const inside = (await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'mentor' })).json();
    const extended = await officer.post(`/api/deployments/${deployment.id}/assignments/${inside.id}/extensions`, { endOn: '2010-11-30', reason: 'handover' }, inside.version);
    expect(extended.statusCode, extended.body).toBe(200);
    const after = await current(deployment.id);
    expect(after).toMatchObject({ endOn: '2010-11-30' });
    expect(after.rotations[0]).toMatchObject({ endOn: '2010-11-30' });
  });

  it('refuses a rotation change that leaves an assignment outside the deployment, naming it', async () => {
    const deployment = await plan('2010-09-06', '2010-10-31');
    const person = await readyOfficer('Rotation');
    await officer.post(`/api/deployments/${deployment.id}/assignments`, { personId: person.id, role: 'mentor' });
    const rotation = (await current(deployment.id)).rotations[0];
    const refused = await officer.patch(`/api/deployments/${deployment.id}/rotations/${rotation.id}`, { endOn: '2010-10-30' }, rotation.version);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('Rotation Edits (September 6, 2010 to October 31, 2010)');
  });
});

describe('cancelling a deployment and dating its steps', () => {
  it('cancels only with a reason, kept in the history and the audit, and lists can filter cancelled ones', async () => {
    const deployment = await plan('2011-02-07');
    const bare = await move(deployment.id, { status: 'cancelled' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([expect.objectContaining({ pointer: '/body/note', detail: 'is required to cancel: say why the deployment will not happen' })]);
    const cancelled = await move(deployment.id, { status: 'cancelled', note: 'The host government withdrew its request.' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().history.at(-1)).toMatchObject({ toStatus: 'cancelled', note: 'The host government withdrew its request.' });
    const events = (await t.services.auditLog.list(t.system, { entityId: deployment.id, action: 'deployment.status_change', limit: 10, format: 'json' })).items;
    expect(events).toHaveLength(1);
    expect((await officer.get('/api/deployments?status=cancelled')).json().items.map((d: { id: string }) => d.id)).toContain(deployment.id);
    expect((await officer.get('/api/deployments?status=planning')).json().items.map((d: { id: string }) => d.id)).not.toContain(deployment.id);
    expect((await edit(deployment.id, { endOn: '2011-06-30' })).json().rule).toBe('deployment.closed');
  });

  it('records a step on the day it happened, never in the future nor before the last step', async () => {
    const deployment = await plan('2010-08-09');
    const future = await move(deployment.id, { status: 'staffing', on: '2010-07-02' });
    expect(future.json().errors).toEqual([expect.objectContaining({ pointer: '/body/on', detail: 'must not be in the future (today is July 1, 2010)' })]);
    // Planned today (1 July): a step cannot come before it.
    const early = await move(deployment.id, { status: 'staffing', on: '2010-06-30' });
    expect(early.json().errors).toEqual([expect.objectContaining({ pointer: '/body/on', detail: 'must not come before the last status change (July 1, 2010)' })]);
    const pastPlan = await officer.post('/api/deployments', { title: 'Dated plan', hostCountry: 'HT', track: 'policing', purposes: ['mentor'], startOn: '2010-08-09', authorizedHeadcount: 2, plannedOn: '2010-05-17' });
    expect(pastPlan.json().history[0].changedAt.slice(0, 10)).toBe('2010-05-17');
    const staffed = await move(pastPlan.json().id, { status: 'staffing', on: '2010-06-01' });
    expect(staffed.json().history.map((h: { changedAt: string }) => h.changedAt.slice(0, 10))).toEqual(['2010-05-17', '2010-06-01']);
  });
});
