import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { StatementCounter } from '../../../test/statement-counter.js';
import { verifyAuditChain } from '../../platform/audit.js';

/**
 * Closing an offering writes in bulk: its cost in statements does not grow with the roster.
 * An offering of 30 with a credential (certifications, renewals, failures with their reasons,
 * every event audited) closes in fewer than 40 statements, request included; the signed
 * credentials follow once the close has committed, in a transaction of their own.
 */

const counter = new StatementCounter();
let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2011-03-01T12:00:00Z', plugins: [counter] });
  officer = await agentFor(t, 'program_officer');
  await buildOrganization(t.services, t.system, { name: 'Bulk Close Program Office', kind: 'program_office', website: 'https://office.example.test' });
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Bulk Close Corrections', kind: 'state_corrections' })).id;
});
afterAll(() => t.close());

const acknowledged = () => ({ acknowledgedAddress: t.services.address.url });
const versionOf = async (offeringId: string) => (await officer.get(`/api/offerings/${offeringId}`)).json().version as number;

/** The roster is made through the services (the close is what goes through HTTP here). */
async function offeringOf(courseId: string, startOn: string, endOn: string, people: { id: string }[], result: (i: number) => object) {
  const offering = await t.services.offerings.schedule(t.system, { courseId, startOn, endOn, country: 'US', capacity: people.length, isUsFunded: false, isRefresher: false });
  for (const [i, person] of people.entries()) {
    const enrollment = await t.services.enrollments.enroll(t.system, offering.id, person.id);
    await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, result(i));
  }
  return offering.id;
}

describe('closing an offering of 30', () => {
  it('certifies, renews and fails in fewer than 40 statements, with every outcome and event as one by one', async () => {
    const { course, credential } = await buildInstructorCourse(t.services, t.system, { passMark: 70, minAttendancePercent: 80, validityMonths: 24 });
    const people: { id: string }[] = [];
    for (let i = 0; i < 30; i += 1) people.push(await buildPerson(t.services, t.system, { organizationId: agencyId, givenName: `Bulk${String(i).padStart(2, '0')}` }));
    // Three of them hold the credential already: theirs is a renewal.
    const earlier = await offeringOf(course.id, '2010-05-03', '2010-05-07', people.slice(0, 3), () => ({ attendancePercent: 100, score: 90 }));
    const first = (await officer.post(`/api/offerings/${earlier}/close`, acknowledged(), await versionOf(earlier))).json();
    const renewed = new Map(first.certified.map((c: { personId: string; certificationId: string }) => [c.personId, c.certificationId]));
    expect(renewed.size).toBe(3);
    // That close's credentials are signed after its commit: done before the close counted below, so none of its statements are counted there.
    await t.services.afterCommit.settled();

    // 0–21 pass (0–2 renew), 22–24 score too low, 25–26 attend too little, 27 has nothing recorded, 28–29 withdraw.
    const results = (i: number) =>
      i < 22 ? { attendancePercent: 80 + (i % 21), score: 70 + i } : i < 25 ? { attendancePercent: 100, score: 60 + i - 22 } : i < 27 ? { attendancePercent: 50 + i, score: 95 } : i === 27 ? {} : { status: 'withdrawn' as const };
    const offeringId = await offeringOf(course.id, '2011-02-07', '2011-02-11', people, results);
    const version = await versionOf(offeringId);

    const { result: closed, statements } = await counter.during(() => officer.post(`/api/offerings/${offeringId}/close`, acknowledged(), version));
    expect(closed.statusCode).toBe(200);
    expect(statements.length, statements.join(' ')).toBeLessThan(40);
    // The answer came before the credentials: they are signed after the close's commit.
    expect(statements.some((statement) => /badge_credentials/.test(statement)), statements.join(' ')).toBe(false);
    await t.services.afterCommit.settled();

    const report = closed.json();
    const nameOf = (i: number) => `Bulk${String(i).padStart(2, '0')} Officer`;
    const idOf = (i: number) => people[i]?.id as string;
    expect(report.certified).toHaveLength(22);
    expect(report.passedWithoutCredential).toEqual([]);
    for (const [i, person] of people.slice(0, 22).entries()) {
      expect(report.certified.find((c: { personId: string }) => c.personId === person.id)).toMatchObject({ name: nameOf(i), expiresOn: '2013-02-10', isRenewal: i < 3 });
    }
    const expectedFailures = [
      ...[22, 23, 24].map((i) => ({ personId: idOf(i), name: nameOf(i), reasons: [`scored ${60 + i - 22}, below the pass mark of 70`] })),
      ...[25, 26].map((i) => ({ personId: idOf(i), name: nameOf(i), reasons: [`attended ${50 + i}%, below the 80% required`] })),
      { personId: idOf(27), name: nameOf(27), reasons: ['no attendance was recorded', 'no score was recorded'] },
    ];
    expect(report.notCertified).toEqual(expectedFailures);

    // The roster as stored: each outcome in its row, each row's version moved on once.
    const rows = await t.testDb.database.db.selectFrom('enrollments').select(['person_id', 'status', 'outcome', 'version']).where('offering_id', '=', offeringId).execute();
    const byPerson = new Map(rows.map((r) => [r.person_id, r]));
    for (let i = 0; i < 30; i += 1) {
      const row = byPerson.get(idOf(i));
      if (i < 22) expect(row).toMatchObject({ status: 'completed', outcome: null, version: 3 });
      else if (i < 28) expect(row).toMatchObject({ status: 'failed', outcome: expectedFailures.find((f) => f.personId === idOf(i))?.reasons.join('; '), version: 3 });
      else expect(row).toMatchObject({ status: 'withdrawn', version: 2 });
    }

    // Each certification renews what its holder held, and leaves as a signed credential at its own place in the status list.
    const certifications = await t.testDb.database.db.selectFrom('certifications').selectAll().where('offering_id', '=', offeringId).execute();
    expect(certifications).toHaveLength(22);
    for (const c of certifications) expect(c.renews_id).toBe(renewed.get(c.person_id) ?? null);
    const badges = await t.testDb.database.db
      .selectFrom('badge_credentials')
      .select(['certification_id', 'status_index'])
      .where(
        'certification_id',
        'in',
        certifications.map((c) => c.id),
      )
      .execute();
    expect(badges).toHaveLength(22);
    // The first close took places 0–2; these 22 follow, one each.
    expect(badges.map((b) => b.status_index).sort((a, b) => a - b)).toEqual(Array.from({ length: 22 }, (_, i) => i + 3));
    const one = report.certified[0].certificationId as string;
    const credentialJson = (await officer.get(`/api/public/credentials/${one}`)).json();
    expect(credentialJson.credentialStatus).toMatchObject({ statusListIndex: String(badges.find((b) => b.certification_id === one)?.status_index) });
    expect((await officer.post('/api/public/verifications', { credential: credentialJson })).json().isVerified).toBe(true);

    // The events, in the order they happened: the certifications, the close, then their credentials.
    const events = await t.testDb.database.db.selectFrom('audit_events').select(['action', 'entity_id', 'after']).orderBy('seq', 'desc').limit(45).execute();
    const mine = events.reverse().slice(-45);
    expect(mine.map((e) => e.action)).toEqual([
      ...report.certified.map((c: { isRenewal: boolean }) => (c.isRenewal ? 'certification.renew' : 'certification.issue')),
      'offering.close',
      ...report.certified.map(() => 'badge.issue'),
    ]);
    expect(mine.slice(0, 22).map((e) => e.entity_id)).toEqual(report.certified.map((c: { certificationId: string }) => c.certificationId));
    expect(JSON.parse(mine[0]?.after as string)).toEqual({
      personId: report.certified[0].personId,
      credentialId: credential.id,
      offeringId,
      issuedOn: '2011-02-11',
      expiresOn: '2013-02-10',
      renewsId: renewed.get(report.certified[0].personId) ?? null,
    });
    expect(JSON.parse(mine[22]?.after as string)).toEqual({ status: 'closed', certified: 22, notCertified: 6 });
    expect(JSON.parse(mine[23]?.after as string)).toEqual({ issuer: expect.any(String), statusIndex: badges.find((b) => b.certification_id === mine[23]?.entity_id)?.status_index });
    expect((await verifyAuditChain(t.testDb.database.db)).problems).toEqual([]);

    // The search index followed the one recorded batch: the certifications are found by their holder's name.
    const found = (await officer.get(`/api/search?q=${encodeURIComponent('Bulk05')}`)).json();
    expect(JSON.stringify(found)).toContain(report.certified.find((c: { personId: string }) => c.personId === idOf(5)).certificationId);
  }, 120_000);
});

describe('reading the credentials while they are being signed', () => {
  it('gives each certification one credential, whether its reader or the close signed it', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: 70, minAttendancePercent: 80, validityMonths: 24 });
    const people: { id: string }[] = [];
    for (let i = 0; i < 8; i += 1) people.push(await buildPerson(t.services, t.system, { organizationId: agencyId, givenName: `Eager${i}` }));
    const offeringId = await offeringOf(course.id, '2011-01-10', '2011-01-14', people, () => ({ attendancePercent: 100, score: 90 }));
    const closed = await officer.post(`/api/offerings/${offeringId}/close`, acknowledged(), await versionOf(offeringId));
    expect(closed.statusCode).toBe(200);
    const ids = (closed.json().certified as { certificationId: string }[]).map((c) => c.certificationId);
    // Every holder opens their credential at once, as the close's own signing starts.
    const read = await Promise.all(ids.map((id) => officer.get(`/api/public/credentials/${id}`)));
    await t.services.afterCommit.settled();
    expect(read.map((r) => r.statusCode)).toEqual(ids.map(() => 200));

    const stored = await t.testDb.database.db.selectFrom('badge_credentials').select(['certification_id', 'credential', 'status_index']).where('certification_id', 'in', ids).execute();
    expect(stored.map((b) => b.certification_id).sort()).toEqual([...ids].sort());
    // What each reader was given is what is kept, each at a place of its own in the status list.
    for (const [i, id] of ids.entries()) expect(read[i]?.json()).toEqual(JSON.parse(stored.find((b) => b.certification_id === id)?.credential as string));
    expect(new Set(stored.map((b) => b.status_index)).size).toBe(ids.length);
    const issuedEvents = await t.testDb.database.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'badge.issue').where('entity_id', 'in', ids).execute();
    expect(issuedEvents.map((e) => e.entity_id).sort()).toEqual([...ids].sort());
  }, 120_000);
});

describe('closing before there is a program office', () => {
  it('certifies without signing, and each credential is signed once there is an office to issue it', async () => {
    const early = await createTestApp({ now: '2011-03-01T12:00:00Z' });
    try {
      const coordinator = await agentFor(early, 'program_officer');
      const agency = await buildOrganization(early.services, early.system, { name: 'Officeless Corrections', kind: 'state_corrections' });
      const { course } = await buildInstructorCourse(early.services, early.system, { passMark: 70, minAttendancePercent: 80, validityMonths: 24 });
      const people = [];
      for (let i = 0; i < 3; i += 1) people.push(await buildPerson(early.services, early.system, { organizationId: agency.id, givenName: `Early${i}` }));
      const offering = await early.services.offerings.schedule(early.system, { courseId: course.id, startOn: '2011-02-07', endOn: '2011-02-11', country: 'US', capacity: 3, isUsFunded: false, isRefresher: false });
      for (const person of people) {
        const enrollment = await early.services.enrollments.enroll(early.system, offering.id, person.id);
        await early.services.enrollments.recordResult(early.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100, score: 90 });
      }
      const version = (await coordinator.get(`/api/offerings/${offering.id}`)).json().version as number;
      const closed = await coordinator.post(`/api/offerings/${offering.id}/close`, { acknowledgedAddress: early.services.address.url }, version);
      expect(closed.statusCode, closed.body).toBe(200);
      const certified = closed.json().certified as { certificationId: string }[];
      expect(certified).toHaveLength(3);
      await early.services.afterCommit.settled();
      const unsigned = await early.testDb.database.db.selectFrom('badge_credentials').select('certification_id').execute();
      expect(unsigned).toEqual([]);

      await buildOrganization(early.services, early.system, { name: 'Late Program Office', kind: 'program_office', website: 'https://late-office.example.test' });
      const one = certified[0]?.certificationId as string;
      const credential = await coordinator.get(`/api/public/credentials/${one}`);
      expect(credential.statusCode).toBe(200);
      expect((await coordinator.post('/api/public/verifications', { credential: credential.json() })).json().isVerified).toBe(true);
    } finally {
      await early.close();
    }
  }, 120_000);
});
