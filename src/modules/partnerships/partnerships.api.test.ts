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

const agreement = {
  kind: 'mou',
  reference: 'TEST-MOU-1',
  title: 'Memorandum on deployments',
  signedOn: '2026-05-01',
  expiresOn: '2029-04-30',
  renewalDueOn: '2029-01-31',
  reimbursementCeilingCents: 125_000_000_00,
};

describe('partnership pipeline', () => {
  it('takes a partner from prospect to active, keeping the history', async () => {
    const org = await buildOrganization(t.services, t.system);
    const created = await officer.post('/api/partnerships', {
      organizationId: org.id,
      startedOn: '2026-01-15',
      tracks: ['policing'],
      targetCountries: ['HT'],
      ownerId: officer.user.id,
    });
    expect(created.statusCode).toBe(201);
    let p = created.json();
    expect(p).toMatchObject({ stage: 'prospect', stageChangedOn: '2026-01-15', ownerName: officer.user.name, allowedStages: ['engaged', 'closed'] });

    for (const [stage, on] of [['engaged', '2026-02-01'], ['agreement', '2026-03-01']] as const) {
      const moved = await officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage, on, note: `to ${stage}` }, p.version);
      expect(moved.statusCode, stage).toBe(200);
      p = moved.json();
    }

    const refused = await officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'active', on: '2026-06-01' }, p.version);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ rule: 'partnership.active_needs_agreement', type: 'urn:cadre:rule:partnership.active_needs_agreement' });

    const signed = await officer.post(`/api/partnerships/${p.id}/agreements`, agreement);
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({ status: 'in_force', reimbursementCeilingCents: 125_000_000_00, currency: 'USD' });

    const active = await officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'active', on: '2026-06-01' }, p.version);
    expect(active.statusCode).toBe(200);
    p = active.json();
    expect(p.stage).toBe('active');
    expect(p.history.map((h: { fromStage: string | null; toStage: string; changedOn: string }) => [h.fromStage, h.toStage, h.changedOn])).toEqual([
      [null, 'prospect', '2026-01-15'],
      ['prospect', 'engaged', '2026-02-01'],
      ['engaged', 'agreement', '2026-03-01'],
      ['agreement', 'active', '2026-06-01'],
    ]);
    expect(p.agreements).toHaveLength(1);
  });

  it('tells each caller what they may do with a partnership and its agreements, and their role what it may do at all', async () => {
    const partnership = await buildPartnership(t.services, t.system);
    await officer.post(`/api/partnerships/${partnership.id}/agreements`, { ...agreement, reference: 'TEST-ACTIONS-1' });
    const coordinator = await agentFor(t, 'coordinator', { organizationId: partnership.organization.id });
    const viewer = await agentFor(t, 'viewer');
    const asOfficer = (await officer.get(`/api/partnerships/${partnership.id}`)).json();
    expect(asOfficer.allowedActions).toEqual(['update', 'changeStage']);
    expect(asOfficer.allowedStages).toEqual(['engaged', 'closed']);
    expect(asOfficer.agreements.map((a: { allowedActions: string[] }) => a.allowedActions)).toEqual([['update']]);
    for (const reader of [coordinator, viewer]) {
      const seen = (await reader.get(`/api/partnerships/${partnership.id}`)).json();
      expect(seen.allowedActions).toEqual([]);
      expect(seen.allowedStages).toEqual([]);
      expect(seen.agreements.map((a: { allowedActions: string[] }) => a.allowedActions)).toEqual([[]]);
    }
    const page = (await coordinator.get('/api/partnerships')).json();
    expect(page.items.map((item: { id: string; allowedActions: string[] }) => [item.id, item.allowedActions])).toEqual([[partnership.id, []]]);
    expect((await officer.get('/api/partnerships?limit=5')).json().items.every((item: { allowedActions: string[] }) => item.allowedActions.length === 2)).toBe(true);

    expect((await officer.get('/api/auth/me')).json().capabilities).toMatchObject({
      partnerships: ['read', 'create', 'update', 'changeStage'],
      agreements: ['read', 'create', 'update'],
    });
    expect((await coordinator.get('/api/auth/me')).json().capabilities).toMatchObject({ partnerships: ['read'], agreements: ['read'] });
    const instructor = await agentFor(t, 'instructor');
    expect((await instructor.get('/api/auth/me')).json().capabilities).toMatchObject({ partnerships: [], agreements: [] });
  });

  it('refuses a jump the pipeline does not allow, and names the rule', async () => {
    const p = await buildPartnership(t.services, t.system);
    const response = await officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'paused' }, p.version);
    expect(response.statusCode).toBe(422);
    expect(response.json().rule).toBe('partnership.stage_transition');
  });

  it('refuses a change dated in the future or before the current stage', async () => {
    const p = await buildPartnership(t.services, t.system, { startedOn: '2026-06-01' });
    expect((await officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'engaged', on: '2026-11-29' }, p.version)).json().rule).toBe(
      'partnership.stage_date_future',
    );
    expect((await officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'engaged', on: '2026-05-31' }, p.version)).json().rule).toBe(
      'partnership.stage_date_order',
    );
  });

  it('allows one partnership per organization, and none with the program office itself', async () => {
    const p = await buildPartnership(t.services, t.system);
    const again = await officer.post('/api/partnerships', { organizationId: p.organization.id });
    expect(again.statusCode).toBe(409);
    const office = await buildOrganization(t.services, t.system, { kind: 'program_office' });
    expect((await officer.post('/api/partnerships', { organizationId: office.id })).json().rule).toBe('partnership.not_with_self');
  });

  it('edits tracks, target countries and owner with If-Match', async () => {
    const p = await buildPartnership(t.services, t.system);
    const response = await officer.patch(`/api/partnerships/${p.id}`, { tracks: ['corrections', 'policing'], targetCountries: ['SV', 'BR'] }, p.version);
    expect(response.json()).toMatchObject({ tracks: ['corrections', 'policing'], targetCountries: ['BR', 'SV'], version: p.version + 1 });
    const duplicate = await officer.patch(`/api/partnerships/${p.id}`, { targetCountries: ['SV', 'SV'] }, p.version + 1);
    expect(duplicate.json().errors[0]).toEqual({ pointer: '/body/targetCountries', detail: 'must not list the same value twice' });
    const viewer = await agentFor(t, 'viewer');
    const notOwner = await officer.patch(`/api/partnerships/${p.id}`, { ownerId: viewer.user.id }, p.version + 1);
    expect(notOwner.json().errors[0].pointer).toBe('/body/ownerId');
  });

  it('lets only one of two simultaneous stage changes through', async () => {
    const p = await buildPartnership(t.services, t.system, { startedOn: '2026-01-01' });
    const [a, b] = await Promise.all([
      officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'engaged' }, p.version),
      officer.post(`/api/partnerships/${p.id}/stage-changes`, { stage: 'closed' }, p.version),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const history = (await officer.get(`/api/partnerships/${p.id}`)).json().history;
    expect(history).toHaveLength(2);
  });

  it('shows the pipeline as a board, and filters the list', async () => {
    const board = (await officer.get('/api/partnerships/board')).json();
    expect(board.columns.map((c: { stage: string }) => c.stage)).toEqual(['prospect', 'engaged', 'agreement', 'active', 'paused', 'closed']);
    const total = board.columns.reduce((sum: number, c: { count: number }) => sum + c.count, 0);
    const all = (await officer.get('/api/partnerships?limit=200')).json().items;
    expect(total).toBe(all.length);
    const haiti = (await officer.get('/api/partnerships?targetCountry=HT')).json().items;
    expect(haiti.every((p: { targetCountries: string[] }) => p.targetCountries.includes('HT'))).toBe(true);
    expect(haiti.length).toBeGreaterThan(0);
    const one = all[0] as { id: string; organization: { id: string } };
    expect((await officer.get(`/api/partnerships?organizationId=${one.organization.id}`)).json().items.map((p: { id: string }) => p.id)).toEqual([one.id]);
    const csv = await officer.get('/api/partnerships?format=csv&stage=active');
    expect(csv.body).toContain('Organization,Kind of organization,Country,Stage,Stage since');
    expect(csv.body).toContain(',Active,');
    const codes = await officer.get('/api/partnerships?format=csv&stage=active&codes=true');
    expect(codes.body).toContain('organization,kind,country,stage,stage_changed_on');
    expect(codes.body).toContain(',active,');
  });
});

describe('agreements', () => {
  it('checks their dates and unique references', async () => {
    const p = await buildPartnership(t.services, t.system);
    const backwards = await officer.post(`/api/partnerships/${p.id}/agreements`, { ...agreement, reference: 'TEST-2', expiresOn: '2026-04-01', renewalDueOn: null });
    expect(backwards.json().errors).toEqual([{ pointer: '/body/expiresOn', detail: 'must not come before the day it was signed (2026-05-01)' }]);
    const late = await officer.post(`/api/partnerships/${p.id}/agreements`, { ...agreement, reference: 'TEST-3', renewalDueOn: '2030-01-01' });
    expect(late.json().errors[0].pointer).toBe('/body/expiresOn');
    const duplicate = await officer.post(`/api/partnerships/${p.id}/agreements`, agreement);
    expect(duplicate.statusCode).toBe(409);
    const money = await officer.post(`/api/partnerships/${p.id}/agreements`, { ...agreement, reference: 'TEST-4', reimbursementCeilingCents: 10.5 });
    expect(money.json().errors[0].pointer).toBe('/body/reimbursementCeilingCents');
  });

  it('lists those due for renewal, not those already expired', async () => {
    const p = await buildPartnership(t.services, t.system);
    const due = await officer.post(`/api/partnerships/${p.id}/agreements`, {
      kind: 'letter_of_agreement',
      reference: 'DUE-SOON',
      signedOn: '2024-01-01',
      expiresOn: '2027-01-31',
      renewalDueOn: '2026-12-15',
    });
    await officer.post(`/api/partnerships/${p.id}/agreements`, {
      kind: 'letter_of_agreement',
      reference: 'LONG-GONE',
      signedOn: '2020-01-01',
      expiresOn: '2021-01-01',
      renewalDueOn: '2020-10-01',
    });
    const list = (await officer.get('/api/agreements?renewalDueBy=2027-02-26')).json().items;
    const references = list.map((a: { reference: string }) => a.reference);
    expect(references).toContain('DUE-SOON');
    expect(references).not.toContain('LONG-GONE');
    expect(references).not.toContain('TEST-MOU-1');

    const edited = await officer.patch(`/api/agreements/${due.json().id}`, { expiresOn: '2026-12-01' }, 1);
    expect(edited.json().errors[0]).toEqual({ pointer: '/body/expiresOn', detail: 'must not come before its renewal date (2026-12-15)' });
  });
});
