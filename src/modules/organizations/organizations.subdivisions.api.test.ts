import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { importFile, problemsOf } from '../../../test/imports.js';

/** A subdivision is one ISO 3166-2 lists, and its organization's country's: the same words everywhere. */

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

const unknown = { pointer: '/body/subdivision', detail: 'must be an ISO 3166-2 subdivision code, such as US-NY' };
const elsewhere = { pointer: '/body/subdivision', detail: 'must be a subdivision of the organization’s country' };

describe('an organization’s subdivision', () => {
  it('is kept when ISO 3166-2 lists it for the country', async () => {
    const response = await officer.post('/api/organizations', { name: 'Fairfax County Police', kind: 'county_sheriff', country: 'US', subdivision: 'US-VA' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().subdivision).toBe('US-VA');
  });

  it('is refused, naming the field, when ISO 3166-2 does not list it', async () => {
    const response = await officer.post('/api/organizations', { name: 'Nowhere Police', kind: 'municipal_police', country: 'US', subdivision: 'US-XX' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([unknown]);
  });

  it('is refused when it is another country’s, on creation and when the country changes', async () => {
    const created = await officer.post('/api/organizations', { name: 'Mismatch Police', kind: 'municipal_police', country: 'US', subdivision: 'HT-OU' });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors).toEqual([elsewhere]);

    const organization = (await officer.post('/api/organizations', { name: 'Arlington Police', kind: 'county_sheriff', country: 'US', subdivision: 'US-VA' })).json();
    const moved = await officer.patch(`/api/organizations/${organization.id}`, { country: 'HT' }, organization.version);
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors).toEqual([elsewhere]);
    const wrong = await officer.patch(`/api/organizations/${organization.id}`, { country: 'HT', subdivision: 'HT-ZZ' }, organization.version);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([unknown]);
    const both = await officer.patch(`/api/organizations/${organization.id}`, { country: 'HT', subdivision: 'HT-OU' }, organization.version);
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ country: 'HT', subdivision: 'HT-OU' });
  });

  it('is read from an imported partners list, its code alone completed by the country, and refused in the same words', async () => {
    const file = ['Name,Kind,Country,State', 'Chicago Police,municipal police,United States,IL', 'Atlantis Police,municipal police,United States,ZZ'].join('\n');
    const view = await importFile(t, officer, { kind: 'organizations', filename: 'partners.csv' }, file, { mode: 'valid_only' });
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', summary: { created: 1, skipped: 1 } });
    const problems = await problemsOf(officer, view.id as string);
    expect(problems).toMatchObject([{ row: 3, columnName: 'State', reason: `The subdivision ${unknown.detail}.` }]);
  });
});
