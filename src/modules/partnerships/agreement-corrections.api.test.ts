import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPartnership } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

let counter = 0;
async function agreementOf(partnershipId: string, dates: Record<string, string | null>) {
  return officer.post(`/api/partnerships/${partnershipId}/agreements`, { kind: 'mou', reference: `FIX-${++counter}`, ...dates });
}

describe('an agreement’s dates: signed ≤ effective ≤ renewal due ≤ expiry', () => {
  it('refuses a renewal due before the signing, on the renewal field, and saves it corrected', async () => {
    const p = await buildPartnership(t.services, t.system);
    const wrong = await agreementOf(p.id, { signedOn: '2011-03-01', renewalDueOn: '2010-12-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ pointer: '/body/renewalDueOn', detail: 'must not come before the day it was signed (2011-03-01)' }]);
    const right = await agreementOf(p.id, { signedOn: '2011-03-01', renewalDueOn: '2011-12-01' });
    expect(right.statusCode).toBe(201);
  });

  it('takes equal dates, and compares only the dates given', async () => {
    const p = await buildPartnership(t.services, t.system);
    const same = await agreementOf(p.id, { signedOn: '2011-03-01', effectiveOn: '2011-03-01', renewalDueOn: '2011-03-01', expiresOn: '2011-03-01' });
    expect(same.statusCode).toBe(201);
    expect(same.json()).toMatchObject({ effectiveOn: '2011-03-01' });
    expect((await agreementOf(p.id, { signedOn: null, effectiveOn: '2011-03-01', expiresOn: '2012-03-01' })).statusCode).toBe(201);
    const skipped = await agreementOf(p.id, { signedOn: '2011-03-01', effectiveOn: null, expiresOn: '2011-02-28' });
    expect(skipped.json().errors).toEqual([{ pointer: '/body/expiresOn', detail: 'must not come before the day it was signed (2011-03-01)' }]);
    const effective = await agreementOf(p.id, { signedOn: '2011-03-01', effectiveOn: '2011-02-01' });
    expect(effective.json().errors).toEqual([{ pointer: '/body/effectiveOn', detail: 'must not come before the day it was signed (2011-03-01)' }]);
  });

  it('checks a change merged with the record, blaming the date the change sets', async () => {
    const p = await buildPartnership(t.services, t.system);
    const created = (await agreementOf(p.id, { signedOn: '2011-03-01', effectiveOn: '2011-04-01', renewalDueOn: '2013-12-01', expiresOn: '2014-03-01' })).json();
    const early = await officer.patch(`/api/agreements/${created.id}`, { signedOn: '2011-05-01' }, created.version);
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([{ pointer: '/body/signedOn', detail: 'must not come after the day it takes effect (2011-04-01)' }]);
    const late = await officer.patch(`/api/agreements/${created.id}`, { renewalDueOn: '2014-03-02' }, created.version);
    expect(late.json().errors).toEqual([{ pointer: '/body/renewalDueOn', detail: 'must not come after the day it expires (2014-03-01)' }]);
    const fine = await officer.patch(`/api/agreements/${created.id}`, { renewalDueOn: '2014-03-01', effectiveOn: null }, created.version);
    expect(fine.statusCode).toBe(200);
    expect(fine.json()).toMatchObject({ renewalDueOn: '2014-03-01', effectiveOn: null });
    expect((await officer.patch(`/api/agreements/${created.id}`, { title: 'Stale' }, created.version)).statusCode).toBe(412);
  });

  it('makes a partnership active only once its agreement has taken effect', async () => {
    const p = await buildPartnership(t.services, t.system, { stage: 'agreement', startedOn: '2011-01-01' });
    await agreementOf(p.id, { signedOn: '2011-03-01', effectiveOn: '2011-04-01' });
    const early = await officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'active', on: '2011-03-15' }, p.version);
    expect(early.json().rule).toBe('partnership.active_needs_agreement');
    const inEffect = await officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'active', on: '2011-04-01' }, p.version);
    expect(inEffect.statusCode).toBe(200);
  });
});

describe('the board’s filters', () => {
  it('narrows every column by kind of organization, country and owner', async () => {
    const haiti = await buildOrganization(t.services, t.system, { name: 'Board Filter Haiti Police', kind: 'foreign_police', country: 'HT' });
    const salvador = await buildOrganization(t.services, t.system, { name: 'Board Filter Salvador Academy', kind: 'academy', country: 'SV' });
    await buildPartnership(t.services, t.system, { organizationId: haiti.id, ownerId: officer.user.id });
    await buildPartnership(t.services, t.system, { organizationId: salvador.id });
    const names = async (query: string) =>
      ((await officer.get(`/api/partnerships/board${query}`)).json().columns as { items: { organization: { name: string } }[] }[])
        .flatMap((column) => column.items.map((item) => item.organization.name))
        .filter((name) => name.startsWith('Board Filter'));
    expect((await names('')).sort()).toEqual(['Board Filter Haiti Police', 'Board Filter Salvador Academy']);
    expect(await names('?country=HT')).toEqual(['Board Filter Haiti Police']);
    expect(await names('?kind=academy')).toEqual(['Board Filter Salvador Academy']);
    expect(await names(`?ownerId=${officer.user.id}`)).toEqual(['Board Filter Haiti Police']);
    expect(await names('?kind=academy&country=HT')).toEqual([]);
    // The counts are filtered as the cards are.
    const counts = (await officer.get(`/api/partnerships/board?country=HT&ownerId=${officer.user.id}`)).json().columns.map((c: { count: number }) => c.count);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    const bad = await officer.get('/api/partnerships/board?country=Haiti');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/query/country');
    expect((await officer.get('/api/partnerships?country=HT')).json().items.map((p: { organization: { name: string } }) => p.organization.name)).toContain('Board Filter Haiti Police');
  });
});
