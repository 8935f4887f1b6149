import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { deleteWithVersion, importFile } from '../../../test/imports.js';

/** An import links to exactly the records it created or changed: `?importId=` on the lists. */

let t: TestApp;
let officer: Agent;
let ownAgency: { id: string; name: string };
let otherAgency: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
  ownAgency = await buildOrganization(t.services, t.system, { name: 'Fairfax County Police Department', country: 'US' });
  otherAgency = await buildOrganization(t.services, t.system, { name: 'Arlington County Police Department', country: 'US' });
});
afterAll(() => t.close());

const names = (items: { givenName: string; familyName: string }[]) => items.map((p) => `${p.givenName} ${p.familyName}`).sort();

describe('the people an import created or changed', () => {
  it('lists the people created and changed, not those the file left unchanged nor anyone else, within what the caller may see', async () => {
    await buildPerson(t.services, t.system, { organizationId: ownAgency.id, givenName: 'Changed', familyName: 'Before', email: 'changed@fcpd.example', rankTitle: 'Officer' });
    await buildPerson(t.services, t.system, { organizationId: ownAgency.id, givenName: 'Same', familyName: 'Asever', email: 'same@fcpd.example', rankTitle: 'Officer' });
    await buildPerson(t.services, t.system, { organizationId: ownAgency.id, givenName: 'Not', familyName: 'Named', email: 'not.named@fcpd.example' });
    const file = [
      'Given name,Family name,Email,Rank,Agency',
      `Changed,Before,changed@fcpd.example,Sergeant,${ownAgency.name}`,
      `Same,Asever,same@fcpd.example,Officer,${ownAgency.name}`,
      `New,Ownagency,new.own@fcpd.example,Officer,${ownAgency.name}`,
      `New,Otheragency,new.other@acpd.example,Officer,${otherAgency.name}`,
    ].join('\n');
    const view = await importFile(t, officer, { kind: 'people', filename: 'roster.csv' }, file);
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', summary: { created: 2, updated: 1, unchanged: 1 } });

    const listed = await officer.get(`/api/people?importId=${view.id as string}&limit=50`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(names(listed.json().items)).toEqual(['Changed Before', 'New Otheragency', 'New Ownagency']);

    // A coordinator sees the import's people of their own agency, and no other agency's.
    const ownCoordinator = await agentFor(t, 'coordinator', { organizationId: ownAgency.id });
    expect(names((await ownCoordinator.get(`/api/people?importId=${view.id as string}`)).json().items)).toEqual(['Changed Before', 'New Ownagency']);
    const elsewhere = await buildOrganization(t.services, t.system, { name: 'Loudoun County Sheriff', country: 'US' });
    const otherCoordinator = await agentFor(t, 'coordinator', { organizationId: elsewhere.id });
    expect((await otherCoordinator.get(`/api/people?importId=${view.id as string}`)).json().items).toEqual([]);

    // Filters combine: the import's people of one agency.
    expect(names((await officer.get(`/api/people?importId=${view.id as string}&organizationId=${otherAgency.id}`)).json().items)).toEqual(['New Otheragency']);
  });

  it('lists nobody for an import that only checked its rows, or was refused, and forgets the links when the import is deleted', async () => {
    const file = ['Given name,Family name,Email', 'Only,Checked,only.checked@fcpd.example', 'Bad,Email,not-an-email'].join('\n');
    const refused = await importFile(t, officer, { kind: 'people', filename: 'bad.csv', organizationId: ownAgency.id }, file);
    expect(refused.status).toBe('validated');
    expect((await officer.get(`/api/people?importId=${refused.id as string}`)).json().items).toEqual([]);

    const partial = await importFile(t, officer, { kind: 'people', filename: 'bad.csv', organizationId: ownAgency.id }, file, { mode: 'valid_only' });
    expect(partial).toMatchObject({ status: 'committed', summary: { created: 1, skipped: 1 } });
    expect(names((await officer.get(`/api/people?importId=${partial.id as string}`)).json().items)).toEqual(['Only Checked']);

    const deleted = await deleteWithVersion(t, officer, `/api/imports/${partial.id as string}`, partial.version as number);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await officer.get(`/api/people?importId=${partial.id as string}`)).json().items).toEqual([]);
    expect(names((await officer.get(`/api/people?q=Only Checked`)).json().items)).toEqual(['Only Checked']);
  });

  it('refuses an importId that is not an id, naming the parameter', async () => {
    const response = await officer.get('/api/people?importId=last');
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/importId/);
  });
});

describe('the organizations an import created or changed', () => {
  it('lists the partners created and changed, not those left unchanged', async () => {
    await buildOrganization(t.services, t.system, { name: 'Policía Nacional Civil', kind: 'foreign_police', country: 'SV' });
    await buildOrganization(t.services, t.system, { name: 'Police Nationale d’Haïti', kind: 'foreign_police', country: 'HT', city: 'Port-au-Prince' });
    const file = [
      'Name,Kind,Country,City',
      'Policía Nacional Civil,foreign police,El Salvador,San Salvador',
      'Police Nationale d’Haïti,foreign police,Haiti,Port-au-Prince',
      'Direction de l’Administration Pénitentiaire,foreign corrections,Haiti,Port-au-Prince',
    ].join('\n');
    const view = await importFile(t, officer, { kind: 'organizations', filename: 'partners.csv' }, file);
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', summary: { created: 1, updated: 1, unchanged: 1 } });
    const listed = await officer.get(`/api/organizations?importId=${view.id as string}&archived=include`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect((listed.json().items as { name: string }[]).map((o) => o.name).sort()).toEqual(['Direction de l’Administration Pénitentiaire', 'Policía Nacional Civil']);
  });
});
