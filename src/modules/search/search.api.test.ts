import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { importFile } from '../../../test/imports.js';
import { createSearchIndex } from './search.index.js';
import { SEARCH_KINDS } from './search.schemas.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

interface Group {
  kind: string;
  hasMore: boolean;
  results: { id: string; title: string; detail: string | null; context: string | null; isInactive: boolean; link: string }[];
}

async function search(agent: Agent, q: string, kinds?: string, limit?: number) {
  const params = new URLSearchParams({ q, ...(kinds && { kinds }), ...(limit && { limit: String(limit) }) });
  const response = await agent.get(`/api/search?${params}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { query: string; groups: Group[]; count: number };
}

/** The ids found of one kind. */
async function found(agent: Agent, q: string, kind: string): Promise<string[]> {
  const body = await search(agent, q, kind, 50);
  return body.groups.find((group) => group.kind === kind)?.results.map((result) => result.id) ?? [];
}

/** A word no other test's records hold, so each test reads only its own. */
const unique = (() => {
  let n = 0;
  return (stem: string) => {
    n += 1;
    return `${stem}${'abcdefghij'[n % 10]}${'klmnopqrst'[Math.floor(n / 10) % 10]}`;
  };
})();

/** Certifies a person: a course of their own, attended whole, closed. */
async function certify(personId: string) {
  const built = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
  const offering = await t.services.offerings.schedule(t.system, { courseId: built.course.id, startOn: '2010-06-07', endOn: '2010-06-11', country: 'HT', capacity: 5, isUsFunded: false, isRefresher: false });
  const enrollment = await t.services.enrollments.enroll(t.system, offering.id, personId);
  await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
  await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version);
  return built;
}

describe('search across the program', () => {
  it('finds a person by part of an accented name, whatever the accents and case, and links to them', async () => {
    const family = unique('Desrosiér');
    const person = await buildPerson(t.services, t.system, { givenName: 'José', familyName: family, email: `jose.${family.toLowerCase()}@pnh.test` });
    for (const q of ['Jose', 'JOSÉ', 'jos', `jose ${family.slice(0, 6)}`, family.normalize('NFD').toUpperCase()]) {
      expect(await found(officer, q, 'person'), q).toEqual([person.id]);
    }
    const body = await search(officer, `josé ${family}`);
    const group = body.groups.find((g) => g.kind === 'person');
    expect(group?.results[0]).toMatchObject({ id: person.id, title: `José ${family}`, link: `/people/${person.id}`, isInactive: false });
    expect(group?.results[0]?.context).toMatch(/Test Police Department/);
  });

  it('reads a hyphenated name as its parts: "pierre-l" finds Pierre-Louis', async () => {
    const family = unique('Étienne');
    const person = await buildPerson(t.services, t.system, { givenName: 'Pierre-Louis', familyName: family });
    expect(await found(officer, `pierre-l ${family}`, 'person')).toEqual([person.id]);
    expect(await found(officer, `pierre-x ${family}`, 'person')).toEqual([]);
  });

  it('finds every kind: an organization by acronym, a course by code, an offering by city, a certification by number, a deployment by title', async () => {
    const word = unique('Zephyr');
    const organization = await buildOrganization(t.services, t.system, { name: `Police Nationale ${word}`, acronym: `PN${word.slice(-2).toUpperCase()}`, country: 'HT' });
    const { credential, course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const person = await buildPerson(t.services, t.system, { givenName: 'Marie', familyName: word, organizationId: organization.id });
    const offering = await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2010-06-07', endOn: '2010-06-11', country: 'HT', city: `Jacmel${word}`, capacity: 5, isUsFunded: false, isRefresher: false });
    const enrollment = await t.services.enrollments.enroll(t.system, offering.id, person.id);
    await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
    const report = await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version);
    const certificationId = report.certified[0]?.certificationId as string;
    const deployment = await t.services.deployments.create(t.system, {
      title: `Mission ${word}`,
      hostCountry: 'HT',
      hostOrganizationId: organization.id,
      track: 'policing',
      purposes: ['mentor'],
      startOn: '2011-01-04',
      authorizedHeadcount: 4,
      requiredLanguages: [],
      specialties: [],
      isHighThreat: false,
    });

    expect(await found(officer, organization.acronym as string, 'organization')).toContain(organization.id);
    expect(await found(officer, course.code.toLowerCase(), 'course')).toEqual([course.id]);
    expect(await found(officer, `jacmel${word.toLowerCase()}`, 'offering')).toEqual([offering.id]);
    expect(await found(officer, certificationId.slice(0, 8), 'certification')).toEqual([certificationId]);
    expect(await found(officer, certificationId, 'certification')).toEqual([certificationId]);
    expect(await found(officer, `${credential.name.split(' ').at(-1)} ${word}`, 'certification')).toEqual([certificationId]);
    expect(await found(officer, `mission ${word}`, 'deployment')).toEqual([deployment.id]);
    // A deployment is found by the agency it is hosted by.
    expect(await found(officer, `PN${word.slice(-2)}`, 'deployment')).toEqual([deployment.id]);

    const all = await search(officer, word);
    expect(all.groups.map((g) => g.kind).sort()).toEqual(['certification', 'deployment', 'organization', 'person'].sort());
    const links = all.groups.flatMap((g) => g.results.map((r) => r.link));
    expect(links).toEqual(expect.arrayContaining([`/organizations/${organization.id}`, `/people/${person.id}`, `/certifications/${certificationId}`, `/deployments/${deployment.id}`]));
  });

  it('looks each kind up in an index of its own words: a GIN index (PostgreSQL) or a full-text table (SQLite) per kind', async () => {
    const db = t.testDb.database.db;
    if (t.testDb.database.engine === 'postgres') {
      const rows = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename = 'search_entries'`.execute(db);
      const names = rows.rows.map((r) => r.indexname);
      for (const kind of SEARCH_KINDS) expect(names).toEqual(expect.arrayContaining([`search_entries_names_${kind}`, `search_entries_terms_${kind}`]));
      expect(names).not.toContain('search_entries_names');
    } else {
      const rows = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search_fts%' AND sql LIKE '%fts5%'`.execute(db);
      expect(rows.rows.map((r) => r.name).sort()).toEqual(SEARCH_KINDS.map((kind) => `search_fts_${kind}`).sort());
      // Each agrees with the rows of its kind, by FTS5's own check against its content.
      for (const kind of SEARCH_KINDS) await sql`INSERT INTO ${sql.table(`search_fts_${kind}`)} (${sql.table(`search_fts_${kind}`)}, rank) VALUES ('integrity-check', 1)`.execute(db);
    }
  });

  it('keeps the index in step with each change: create, rename, archive, cancel, revoke', async () => {
    const word = unique('Quillon');
    // Organization: created, renamed, archived (found after those in use, marked inactive).
    const org = (await officer.post('/api/organizations', { name: `Agence ${word}`, kind: 'foreign_police', country: 'HT' })).json();
    expect(await found(officer, `agence ${word}`, 'organization')).toEqual([org.id]);
    const renamed = (await officer.patch(`/api/organizations/${org.id}`, { name: `Direction ${word}` }, org.version)).json();
    expect(await found(officer, `agence ${word}`, 'organization')).toEqual([]);
    expect(await found(officer, `direction ${word}`, 'organization')).toEqual([org.id]);
    expect((await officer.put(`/api/organizations/${org.id}/archived`, { isArchived: true }, renamed.version)).statusCode).toBe(200);
    const archived = await search(officer, `direction ${word}`, 'organization');
    expect(archived.groups[0]?.results[0]).toMatchObject({ id: org.id, isInactive: true });

    // Person: created, renamed, made inactive; their certification follows their new name.
    const person = (await officer.post('/api/people', { organizationId: org.id, givenName: 'Inès', familyName: `Avant${word}`, status: 'active', languages: [], heritageCountries: [], specialties: [] })).json();
    expect(await found(officer, `ines avant${word}`, 'person')).toEqual([person.id]);
    const { course, credential } = await certify(person.id);
    const [certification] = await found(officer, `avant${word}`, 'certification');
    expect(certification).toBeDefined();
    const edited = (await officer.patch(`/api/people/${person.id}`, { familyName: `Après${word}`, status: 'inactive' }, person.version)).json();
    expect(edited.version).toBe(person.version + 1);
    expect(await found(officer, `avant${word}`, 'person')).toEqual([]);
    expect((await search(officer, `apres${word}`, 'person')).groups[0]?.results).toEqual([expect.objectContaining({ id: person.id, isInactive: true })]);
    expect(await found(officer, `apres${word}`, 'certification')).toEqual([certification]);

    // Credential renamed: its certifications are found by the new name.
    const credentialNow = (await officer.get(`/api/credentials/${credential.id}`)).json();
    expect((await officer.patch(`/api/credentials/${credential.id}`, { name: `Brevet ${word}` }, credentialNow.version)).statusCode).toBe(200);
    expect(await found(officer, `brevet ${word}`, 'certification')).toEqual([certification]);

    // Certification revoked: still found, marked inactive.
    const certificationNow = (await officer.get(`/api/certifications/${certification}`)).json();
    expect((await officer.post(`/api/certifications/${certification}/revocation`, { reason: 'Issued in error' }, certificationNow.version)).statusCode).toBe(200);
    expect((await search(officer, `brevet ${word}`, 'certification')).groups[0]?.results[0]).toMatchObject({ id: certification, isInactive: true });

    // Course: a new title (a new version) is found; its offerings keep the title they were given.
    const courseNow = (await officer.get(`/api/courses/${course.id}`)).json();
    expect((await officer.patch(`/api/courses/${course.id}`, { title: `Formation ${word}` }, courseNow.version)).statusCode).toBe(200);
    expect(await found(officer, `formation ${word}`, 'course')).toEqual([course.id]);
    expect((await officer.patch(`/api/courses/${course.id}`, { isArchived: true }, courseNow.version + 1)).statusCode).toBe(200);
    expect((await search(officer, `formation ${word}`, 'course')).groups[0]?.results[0]).toMatchObject({ id: course.id, isInactive: true });

    // Offering: a new city, then cancelled.
    const open = await t.services.offerings.schedule(t.system, { courseId: (await buildInstructorCourse(t.services, t.system)).course.id, startOn: '2011-03-07', endOn: '2011-03-11', country: 'HT', city: `Hinche${word}`, capacity: 5, isUsFunded: false, isRefresher: false });
    expect(await found(officer, `hinche${word}`, 'offering')).toEqual([open.id]);
    const moved = (await officer.patch(`/api/offerings/${open.id}`, { city: `Gonaives${word}` }, open.version)).json();
    expect(await found(officer, `hinche${word}`, 'offering')).toEqual([]);
    expect(await found(officer, `gonaïves${word}`, 'offering')).toEqual([open.id]);
    expect((await officer.patch(`/api/offerings/${open.id}`, { status: 'cancelled', cancelReason: 'The host academy closed' }, moved.version)).statusCode).toBe(200);
    expect((await search(officer, `gonaives${word}`, 'offering')).groups[0]?.results[0]).toMatchObject({ id: open.id, isInactive: true });

    // Deployment: created, retitled, cancelled.
    const deployment = (
      await officer.post('/api/deployments', { title: `Appui ${word}`, hostCountry: 'HT', track: 'policing', purposes: ['mentor'], startOn: '2011-05-02', authorizedHeadcount: 3, requiredLanguages: [], specialties: [], isHighThreat: false })
    ).json();
    expect(await found(officer, `appui ${word}`, 'deployment')).toEqual([deployment.id]);
    const retitled = (await officer.patch(`/api/deployments/${deployment.id}`, { title: `Soutien ${word}` }, deployment.version)).json();
    expect(await found(officer, `appui ${word}`, 'deployment')).toEqual([]);
    expect(await found(officer, `soutien ${word}`, 'deployment')).toEqual([deployment.id]);
    expect((await officer.post(`/api/deployments/${deployment.id}/status-changes`, { status: 'cancelled', note: 'Not funded' }, retitled.version)).statusCode).toBe(200);
    expect((await search(officer, `soutien ${word}`, 'deployment')).groups[0]?.results[0]).toMatchObject({ id: deployment.id, isInactive: true });
  });

  it('indexes the people and partners an import brings, new and changed', async () => {
    const word = unique('Imported');
    const agency = await buildOrganization(t.services, t.system);
    const roster = (family: string) => ['Email,Given name,Family name', `roster.${word.slice(-2)}@import.test,Frédérique,${family}`].join('\n');
    expect(await importFile(t, officer, { kind: 'people', filename: 'r.csv', organizationId: agency.id }, roster(word))).toMatchObject({ status: 'committed', summary: { created: 1 } });
    const [id] = await found(officer, `frederique ${word}`, 'person');
    expect(id).toBeDefined();
    expect(await importFile(t, officer, { kind: 'people', filename: 'r2.csv', organizationId: agency.id }, roster(`Nouveau${word}`))).toMatchObject({ status: 'committed', summary: { updated: 1 } });
    expect(await found(officer, `frederique ${word}`, 'person')).toEqual([]);
    expect(await found(officer, `frederique nouveau${word}`, 'person')).toEqual([id]);

    const partners = `Name,Kind,Country\nAcadémie ${word},academy,HT`;
    expect(await importFile(t, officer, { kind: 'organizations', filename: 'p.csv' }, partners)).toMatchObject({ status: 'committed', summary: { created: 1 } });
    expect(await found(officer, `academie ${word}`, 'organization')).toHaveLength(1);
  });

  it('leaves the index as it was when the write is refused', async () => {
    const word = unique('Rollback');
    const org = await buildOrganization(t.services, t.system, { name: `Agence ${word}` });
    const other = await buildOrganization(t.services, t.system, { name: `Autre ${word}` });
    // Renaming to a name already taken is refused: the index keeps the old name.
    expect((await officer.patch(`/api/organizations/${org.id}`, { name: `Autre ${word}` }, org.version)).statusCode).toBe(409);
    expect(await found(officer, `agence ${word}`, 'organization')).toEqual([org.id]);
    expect(await found(officer, `autre ${word}`, 'organization')).toEqual([other.id]);
  });

  it('applies each caller’s access: a coordinator finds their own agency’s people, never another’s', async () => {
    const word = unique('Nadège');
    const own = await buildOrganization(t.services, t.system);
    const other = await buildOrganization(t.services, t.system);
    const mine = await buildPerson(t.services, t.system, { organizationId: own.id, givenName: 'Nadège', familyName: word, email: `n.${word.toLowerCase()}@own.test` });
    const theirs = await buildPerson(t.services, t.system, { organizationId: other.id, givenName: 'Nadège', familyName: word, email: `n2.${word.toLowerCase()}@other.test` });
    const coordinator = await agentFor(t, 'coordinator', { organizationId: own.id });

    expect(await found(officer, `nadege ${word}`, 'person')).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(await found(coordinator, `nadege ${word}`, 'person')).toEqual([mine.id]);
    expect(await found(coordinator, `n2 ${word}`, 'person')).toEqual([]);
    expect(await found(coordinator, `own ${word}`, 'person')).toEqual([mine.id]);
    // The other agency itself is out of the coordinator's sight, as in their list.
    expect(await found(coordinator, other.name, 'organization')).toEqual([]);
    expect(await found(coordinator, own.name, 'organization')).toEqual([own.id]);
  });

  it('lets a viewer find people by name only, never by email', async () => {
    const word = unique('Viewed');
    const person = await buildPerson(t.services, t.system, { givenName: 'Lucie', familyName: word, email: `secret.${word.toLowerCase()}@mail.test` });
    const viewer = await agentFor(t, 'viewer');
    expect(await found(viewer, `lucie ${word}`, 'person')).toEqual([person.id]);
    expect(await found(viewer, `secret.${word}`, 'person')).toEqual([]);
    expect(await found(officer, `secret.${word}`, 'person')).toEqual([person.id]);
  });

  it('lets an instructor find themselves and what they teach or take, and no one else', async () => {
    const word = unique('Taught');
    const org = await buildOrganization(t.services, t.system);
    const instructor = await buildPerson(t.services, t.system, { organizationId: org.id, givenName: 'Ariel', familyName: word });
    const colleague = await buildPerson(t.services, t.system, { organizationId: org.id, givenName: 'Ariel', familyName: `${word}x` });
    const agent = await agentFor(t, 'instructor', { personId: instructor.id, organizationId: org.id });
    const { course } = await buildInstructorCourse(t.services, t.system);
    const teaching = await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2011-02-07', endOn: '2011-02-11', country: 'HT', city: `Cap${word}`, capacity: 5, isUsFunded: false, isRefresher: false });
    await t.services.offerings.setInstructor(t.system, teaching.id, teaching.version, { personId: instructor.id, role: 'lead' });
    const elsewhere = await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2011-04-04', endOn: '2011-04-08', country: 'HT', city: `Cap${word}`, capacity: 5, isUsFunded: false, isRefresher: false });

    expect(await found(agent, `ariel ${word}`, 'person')).toEqual([instructor.id]);
    expect(await found(officer, `ariel ${word}`, 'person')).toEqual(expect.arrayContaining([instructor.id, colleague.id]));
    expect(await found(agent, `cap${word}`, 'offering')).toEqual([teaching.id]);
    expect(await found(officer, `cap${word}`, 'offering')).toEqual(expect.arrayContaining([teaching.id, elsewhere.id]));
  });

  it('shows a coordinator the deployments being staffed and those their people are in, as their list does', async () => {
    const word = unique('Staffed');
    const own = await buildOrganization(t.services, t.system);
    const coordinator = await agentFor(t, 'coordinator', { organizationId: own.id });
    const base = { hostCountry: 'HT', track: 'policing' as const, purposes: ['mentor' as const], authorizedHeadcount: 3, requiredLanguages: [], specialties: [], isHighThreat: false };
    const planned = await t.services.deployments.create(t.system, { ...base, title: `Planned ${word}`, startOn: '2011-06-06' });
    const staffed = await t.services.deployments.create(t.system, { ...base, title: `Open ${word}`, startOn: '2011-06-06' });
    await t.services.deployments.changeStatus(t.system, staffed.id, staffed.version, { status: 'staffing' });
    const closed = await t.services.deployments.create(t.system, { ...base, title: `Closed ${word}`, startOn: '2011-06-06' });
    await t.services.deployments.changeStatus(t.system, closed.id, closed.version, { status: 'cancelled', note: 'Not funded' });
    const list = (await coordinator.get('/api/deployments?limit=200')).json().items.map((d: { id: string }) => d.id);
    const seen = await found(coordinator, word, 'deployment');
    expect(seen.sort()).toEqual([planned.id, staffed.id].filter((id) => list.includes(id)).sort());
    expect(seen).not.toContain(closed.id);
  });

  it('groups results by kind, limits each group and says when there are more', async () => {
    const word = unique('Crowd');
    const org = await buildOrganization(t.services, t.system);
    for (let i = 0; i < 4; i += 1) await buildPerson(t.services, t.system, { organizationId: org.id, givenName: `Many${i}`, familyName: word });
    const body = await search(officer, word, undefined, 3);
    expect(body.groups).toHaveLength(1);
    expect(body.groups[0]).toMatchObject({ kind: 'person', hasMore: true });
    expect(body.groups[0]?.results).toHaveLength(3);
    expect(body.count).toBe(3);
    // The fuller match comes first.
    const exact = await buildPerson(t.services, t.system, { organizationId: org.id, givenName: word, familyName: word });
    expect((await search(officer, `${word}`, 'person', 1)).groups[0]?.results[0]?.id).toBe(exact.id);
  });

  it('writes a new record its own entry only, and a changed one the entries that take words from it', async () => {
    const word = unique('Orlande');
    const person = await buildPerson(t.services, t.system, { givenName: 'Orlande', familyName: `Avant${word}` });
    await certify(person.id);
    const [certification] = await found(officer, `avant${word}`, 'certification');
    expect(certification).toBeDefined();
    // The name changed underneath the index; events then say what happened to the person.
    await t.testDb.database.db.updateTable('people').set({ family_name: `Apres${word}` }).where('id', '=', person.id).execute();
    const index = createSearchIndex();
    const follow = (actions: string[]) => t.testDb.database.db.transaction().execute((trx) => index.follow(trx, actions.map((action) => ({ action, entityType: 'person', entityId: person.id }))));
    await follow(['person.create']);
    expect(await found(officer, `apres${word}`, 'person')).toEqual([person.id]);
    expect(await found(officer, `apres${word}`, 'certification')).toEqual([]);
    // Created and changed in one go, or changed: what takes words from the person follows.
    await follow(['person.create', 'person.update']);
    expect(await found(officer, `apres${word}`, 'certification')).toEqual([certification]);
  });

  it('refuses bad input as a problem naming the field', async () => {
    for (const url of ['/api/search?q=a', `/api/search?q=${'x'.repeat(101)}`, '/api/search?q=--', '/api/search', '/api/search?q=ana&kinds=ghosts', '/api/search?q=ana&limit=0', '/api/search?q=ana&limit=51']) {
      const response = await officer.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].pointer, url).toMatch(/^\/query\//);
    }
    const quoted = await search(officer, '"* OR NEAR( ana:*');
    expect(quoted.query).toBe('"* OR NEAR( ana:*');
    expect((await t.app.inject({ method: 'GET', url: '/api/search?q=ana' })).statusCode).toBe(401);
  });
});
