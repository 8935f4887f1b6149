import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPerson } from '../../../test/factories.js';

/**
 * A deployment still running on today's date: every figure counts its person-days to today, not
 * to its planned end nor to the end of the year.
 */
let t: TestApp;
let officer: Agent;
let deploymentId: string;

const OFFICERS = 2;
// Deployed on 1 November 2026, planned for 90 days (to 29 January 2027); today is 6 December 2026.
const DAYS_SO_FAR = 36;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-10-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  const agencyId = (await buildOrganization(t.services, t.system, { name: 'Sending Police Department' })).id;
  const hostId = (await buildOrganization(t.services, t.system, { name: 'Host National Police', kind: 'foreign_police', country: 'HT' })).id;
  const planned = await officer.post('/api/deployments', {
    title: 'Mission running past today',
    hostCountry: 'HT',
    hostOrganizationId: hostId,
    track: 'policing',
    purposes: ['mentor'],
    startOn: '2026-11-01',
    authorizedHeadcount: OFFICERS,
    requiredLanguages: [],
  });
  expect(planned.statusCode).toBe(201);
  deploymentId = planned.json().id;
  expect(planned.json().endOn).toBe('2027-01-29');
  const move = async (status: string) => {
    const current = (await officer.get(`/api/deployments/${deploymentId}`)).json();
    expect((await officer.post(`/api/deployments/${deploymentId}/status-changes`, { status }, current.version)).statusCode).toBe(200);
  };
  const act = async (assignmentId: string, status: string) => {
    const current = (await officer.get(`/api/deployments/${deploymentId}/assignments`)).json().items.find((a: { id: string }) => a.id === assignmentId);
    expect((await officer.post(`/api/deployments/${deploymentId}/assignments/${assignmentId}/status-changes`, { status }, current.version)).statusCode).toBe(200);
  };
  await move('staffing');
  const assignmentIds: string[] = [];
  for (let i = 0; i < OFFICERS; i += 1) {
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId });
    await t.services.people.setReadiness(t.system, person.id, 'passport', { completedOn: '2024-01-01', expiresOn: '2034-01-01' });
    await t.services.people.setReadiness(t.system, person.id, 'medical_clearance', { completedOn: '2026-09-01' });
    await t.services.people.setReadiness(t.system, person.id, 'predeployment_training', { completedOn: '2026-09-15' });
    const nominated = await officer.post(`/api/deployments/${deploymentId}/assignments`, { personId: person.id, role: 'mentor' });
    expect(nominated.statusCode).toBe(201);
    assignmentIds.push(nominated.json().id);
    await act(nominated.json().id, 'selected');
    await act(nominated.json().id, 'ready');
  }
  await move('predeployment');
  t.clock.set('2026-11-01T08:00:00Z');
  for (const id of assignmentIds) await act(id, 'deployed');
  await move('in_country');
  t.clock.set('2026-12-06T12:00:00Z');
}, 120_000);
afterAll(() => t.close());

describe('person-days of a deployment that runs past today', () => {
  it('stop at today on the deployment itself and in the deployment reports', async () => {
    expect((await officer.get(`/api/deployments/${deploymentId}`)).json().personDays).toBe(OFFICERS * DAYS_SO_FAR);
    const byDeployment = (await officer.get('/api/deployments/person-days?groupBy=deployment&year=2026')).json();
    expect(byDeployment.rows).toEqual([expect.objectContaining({ key: deploymentId, people: OFFICERS, personDays: OFFICERS * DAYS_SO_FAR })]);
    // The days planned in 2027 are not yet served, so no year beyond today has any.
    const byYear = (await officer.get('/api/deployments/person-days?groupBy=year')).json();
    expect(byYear.rows).toEqual([{ key: '2026', label: '2026', people: OFFICERS, personDays: OFFICERS * DAYS_SO_FAR }]);
  });

  it('stop at today on the dashboard', async () => {
    const d = (await officer.get('/api/reports/dashboard?year=2026')).json();
    expect(d.deployments).toMatchObject({ count: 1, inCountryNow: 1, personDays: OFFICERS * DAYS_SO_FAR });
    expect((await officer.get('/api/reports/dashboard?year=2027')).json().deployments).toMatchObject({ count: 1, personDays: 0 });
  });

  it('stop at today in the year report, not at 31 December', async () => {
    const report = (await officer.get('/api/reports/year/2026?format=json')).json();
    expect(report.deployments).toEqual([expect.objectContaining({ title: 'Mission running past today', officers: OFFICERS, personDaysInYear: OFFICERS * DAYS_SO_FAR })]);
  });

  it('count on as the days pass', async () => {
    t.clock.set('2026-12-31T12:00:00Z');
    expect((await officer.get('/api/reports/dashboard?year=2026')).json().deployments.personDays).toBe(OFFICERS * 61);
    t.clock.set('2026-12-06T12:00:00Z');
  });
});
