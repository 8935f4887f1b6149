import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;
let salvadorId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Training Test Corrections', kind: 'state_corrections' })).id;
  salvadorId = (await buildOrganization(t.services, t.system, { name: 'Centros Penales de Prueba', kind: 'foreign_corrections', country: 'SV' })).id;
});
afterAll(() => t.close());

async function schedule(courseId: string, startOn: string, endOn: string, extra: Record<string, unknown> = {}) {
  const response = await officer.post('/api/offerings', { courseId, startOn, endOn, country: 'US', capacity: 25, ...extra });
  expect(response.statusCode).toBe(201);
  return response.json();
}
/** Closing confirms where the certificates will point: the harness's Cadre has no public address. */
const acknowledged = () => ({ acknowledgedAddress: t.services.address.url });
const offeringVersion = async (id: string) => (await officer.get(`/api/offerings/${id}`)).json().version as number;

describe('courses and versions', () => {
  it('makes a new version when the content changes, and an offering keeps the version it taught', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const before = await schedule(course.id, '2010-03-01', '2010-03-05');
    expect(before.courseVersion).toBe(1);
    const changed = await officer.patch(`/api/courses/${course.id}`, { title: 'Corrections instructor development (revised)', hours: 48 }, course.version);
    expect(changed.json()).toMatchObject({ currentVersion: 2, title: 'Corrections instructor development (revised)', hours: 48 });
    expect(changed.json().versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const after = await schedule(course.id, '2010-04-01', '2010-04-05');
    expect(after.courseVersion).toBe(2);
    expect((await officer.get(`/api/offerings/${before.id}`)).json()).toMatchObject({ courseVersion: 1, course: { title: 'Corrections instructor development' } });
  });

  it('refuses a duplicate code, and a credential that does not exist', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const again = await officer.post('/api/courses', { code: course.code, track: 'corrections', level: 'basic', language: 'en', title: 'X', hours: 8 });
    expect(again.statusCode).toBe(409);
    const ghost = await officer.post('/api/courses', {
      code: 'GHOST-1',
      track: 'corrections',
      level: 'basic',
      language: 'en',
      title: 'X',
      hours: 8,
      grantsCredentialId: '01a22092-12b9-7c6d-8f98-6c1f800debff',
    });
    expect(ghost.json().errors[0].pointer).toBe('/body/grantsCredentialId');
  });
});

describe('an offering from roster to certificates', () => {
  it('certifies those who met the criteria exactly, fails the others with reasons, in one close', async () => {
    const { course, credential } = await buildInstructorCourse(t.services, t.system, { passMark: 70, minAttendancePercent: 90, validityMonths: 24 });
    const offering = await schedule(course.id, '2010-06-07', '2010-06-11');
    const [exact, lowScore, absent, withdrawn] = await Promise.all(
      ['Exact', 'Lowscore', 'Absent', 'Withdrawn'].map((givenName) => buildPerson(t.services, t.system, { organizationId: agencyId, givenName })),
    );
    const enrolled: Record<string, { id: string; version: number }> = {};
    for (const person of [exact, lowScore, absent, withdrawn]) {
      const response = await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: person?.id });
      expect(response.statusCode).toBe(201);
      enrolled[person?.givenName as string] = response.json();
    }
    const record = (name: string, body: object) => officer.patch(`/api/offerings/${offering.id}/enrollments/${enrolled[name]?.id}`, body, enrolled[name]?.version);
    expect((await record('Exact', { attendancePercent: 90, score: 70 })).statusCode).toBe(200);
    await record('Lowscore', { attendancePercent: 100, score: 69 });
    await record('Withdrawn', { status: 'withdrawn' });

    t.clock.set('2010-06-10T12:00:00Z');
    expect((await officer.post(`/api/offerings/${offering.id}/close`, acknowledged(), await offeringVersion(offering.id))).json().rule).toBe('offering.close_before_end');
    t.clock.set('2010-12-01T12:00:00Z');

    const closed = await officer.post(`/api/offerings/${offering.id}/close`, acknowledged(), await offeringVersion(offering.id));
    expect(closed.statusCode).toBe(200);
    const report = closed.json();
    expect(report.certified).toEqual([expect.objectContaining({ personId: exact?.id, expiresOn: '2012-06-10', isRenewal: false })]);
    expect(report.notCertified).toEqual(
      expect.arrayContaining([
        { personId: lowScore?.id, name: expect.any(String), reasons: ['scored 69, below the pass mark of 70'] },
        { personId: absent?.id, name: expect.any(String), reasons: ['no attendance was recorded', 'no score was recorded'] },
      ]),
    );
    expect(report.offering.status).toBe('closed');
    const statuses = Object.fromEntries(report.offering.enrollments.map((e: { person: { id: string }; status: string }) => [e.person.id, e.status]));
    expect(statuses).toEqual({ [exact?.id as string]: 'completed', [lowScore?.id as string]: 'failed', [absent?.id as string]: 'failed', [withdrawn?.id as string]: 'withdrawn' });

    const certs = (await officer.get(`/api/certifications?credentialId=${credential.id}`)).json().items;
    expect(certs).toEqual([expect.objectContaining({ issuedOn: '2010-06-11', expiresOn: '2012-06-10', status: 'active', offeringId: offering.id })]);
    // Read again later, the closed offering still lists what it issued, from the records themselves.
    const reloaded = (await officer.get(`/api/offerings/${offering.id}`)).json();
    expect(reloaded.certifications).toEqual([expect.objectContaining({ id: certs[0].id, personId: exact?.id, issuedOn: '2010-06-11', expiresOn: '2012-06-10', status: 'active' })]);
    const again = await officer.post(`/api/offerings/${offering.id}/close`, acknowledged(), await offeringVersion(offering.id));
    expect(again.json().rule).toBe('offering.not_open');
  });

  it('shows a certification expired the day after its expiry, with no job run', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { validityMonths: 6, passMark: null, minAttendancePercent: 0 });
    const offering = await schedule(course.id, '2010-01-04', '2010-01-08');
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId });
    const enrollment = (await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: person.id })).json();
    await officer.patch(`/api/offerings/${offering.id}/enrollments/${enrollment.id}`, { attendancePercent: 100 }, enrollment.version);
    const report = (await officer.post(`/api/offerings/${offering.id}/close`, acknowledged(), await offeringVersion(offering.id))).json();
    const id = report.certified[0].certificationId;
    t.clock.set('2010-07-07T12:00:00Z');
    expect((await officer.get(`/api/certifications/${id}`)).json()).toMatchObject({ expiresOn: '2010-07-07', status: 'active' });
    const soon = (await officer.get('/api/certifications?expiringWithinDays=90')).json().items.map((c: { id: string }) => c.id);
    expect(soon).toContain(id);
    t.clock.set('2010-07-08T00:00:01Z');
    expect((await officer.get(`/api/certifications/${id}`)).json().status).toBe('expired');
    t.clock.set('2010-12-01T12:00:00Z');
  });

  it('renews through a refresher offering, keeping the history', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 50 });
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId });
    const certify = async (startOn: string, endOn: string, isRefresher: boolean) => {
      const offering = await schedule(course.id, startOn, endOn, { isRefresher });
      const enrollment = (await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: person.id })).json();
      await officer.patch(`/api/offerings/${offering.id}/enrollments/${enrollment.id}`, { attendancePercent: 100 }, enrollment.version);
      return (await officer.post(`/api/offerings/${offering.id}/close`, acknowledged(), await offeringVersion(offering.id))).json().certified[0];
    };
    const first = await certify('2008-05-05', '2008-05-09', false);
    const renewal = await certify('2010-04-05', '2010-04-09', true);
    expect(renewal.isRenewal).toBe(true);
    const transcript = (await officer.get(`/api/people/${person.id}/transcript`)).json();
    expect(transcript.certifications.map((c: { id: string; renewsId: string | null }) => [c.id, c.renewsId])).toEqual([
      [first.certificationId, null],
      [renewal.certificationId, first.certificationId],
    ]);
    expect(transcript.courses).toHaveLength(2);
  });

  it('revokes with a reason, audited', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const offering = await schedule(course.id, '2010-02-01', '2010-02-05');
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId });
    const enrollment = (await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: person.id })).json();
    await officer.patch(`/api/offerings/${offering.id}/enrollments/${enrollment.id}`, { attendancePercent: 100 }, enrollment.version);
    const id = (await officer.post(`/api/offerings/${offering.id}/close`, acknowledged(), await offeringVersion(offering.id))).json().certified[0].certificationId;
    const noReason = await officer.post(`/api/certifications/${id}/revocation`, { reason: '' }, 1);
    expect(noReason.statusCode).toBe(400);
    const revoked = await officer.post(`/api/certifications/${id}/revocation`, { reason: 'Misconduct finding' }, 1);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedReason: 'Misconduct finding' });
    const admin = await agentFor(t, 'admin');
    expect((await admin.get(`/api/audit?entityId=${id}&action=certification.revoke`)).json().items).toHaveLength(1);
  });
});

describe('instructor rules', () => {
  it('refuses an instructor without the required credential, and a new one leading before co-teaching', async () => {
    const { credential: instructorCredential, course: instructorCourse } = await buildInstructorCourse(t.services, t.system, { coTeachingsBeforeLead: 1, passMark: null, minAttendancePercent: 0 });
    const { course: taught } = await buildInstructorCourse(t.services, t.system, { requiresCredentialId: instructorCredential.id });
    const teacher = await buildPerson(t.services, t.system, { organizationId: agencyId, givenName: 'Newly' });
    const first = await schedule(taught.id, '2010-09-06', '2010-09-10');
    const refused = await officer.put(`/api/offerings/${first.id}/instructors`, { personId: teacher.id, role: 'co' }, first.version);
    expect(refused.json()).toMatchObject({ rule: 'offering.instructor_not_certified', detail: expect.stringContaining('Newly') });

    const course = await schedule(instructorCourse.id, '2010-08-02', '2010-08-06');
    const e = (await officer.post(`/api/offerings/${course.id}/enrollments`, { personId: teacher.id })).json();
    await officer.patch(`/api/offerings/${course.id}/enrollments/${e.id}`, { attendancePercent: 100 }, e.version);
    await officer.post(`/api/offerings/${course.id}/close`, acknowledged(), await offeringVersion(course.id));

    const lead = await officer.put(`/api/offerings/${first.id}/instructors`, { personId: teacher.id, role: 'lead' }, await offeringVersion(first.id));
    expect(lead.json()).toMatchObject({ rule: 'offering.lead_needs_co_teaching', detail: expect.stringContaining('co-taught 0 of the 1') });
    expect((await officer.put(`/api/offerings/${first.id}/instructors`, { personId: teacher.id, role: 'co' }, await offeringVersion(first.id))).statusCode).toBe(200);

    const second = await schedule(taught.id, '2010-10-04', '2010-10-08');
    expect((await officer.put(`/api/offerings/${second.id}/instructors`, { personId: teacher.id, role: 'lead' }, second.version)).statusCode).toBe(200);
  });

  it('lets an instructor record their own offering’s results and close it, and nobody else’s', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const teacherPerson = await buildPerson(t.services, t.system, { organizationId: agencyId });
    const instructor = await agentFor(t, 'instructor', { personId: teacherPerson.id });
    const mine = await schedule(course.id, '2010-11-01', '2010-11-05');
    await officer.put(`/api/offerings/${mine.id}/instructors`, { personId: teacherPerson.id, role: 'lead' }, mine.version);
    const other = await schedule(course.id, '2010-11-08', '2010-11-12');
    const trainee = await buildPerson(t.services, t.system, { organizationId: agencyId });

    const enrolled = await instructor.post(`/api/offerings/${mine.id}/enrollments`, { personId: trainee.id });
    expect(enrolled.statusCode).toBe(201);
    expect((await instructor.patch(`/api/offerings/${mine.id}/enrollments/${enrolled.json().id}`, { attendancePercent: 95 }, 1)).statusCode).toBe(200);
    expect((await instructor.get(`/api/offerings/${other.id}`)).statusCode).toBe(404);
    expect((await instructor.post(`/api/offerings/${other.id}/enrollments`, { personId: trainee.id })).statusCode).toBe(404);
    const closed = await instructor.post(`/api/offerings/${mine.id}/close`, acknowledged(), await offeringVersion(mine.id));
    expect(closed.json().certified).toHaveLength(1);
  });
  it('tells each caller what they may do with an offering, its roster and its certifications', async () => {
    const { course, credential } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const [lead, co, trainee] = await Promise.all([0, 1, 2].map(() => buildPerson(t.services, t.system, { organizationId: agencyId })));
    const otherAgency = await buildOrganization(t.services, t.system, { name: 'Allowed Actions Other Agency' });
    const [leadAgent, coAgent, traineeAgent, coordinator, otherCoordinator, viewer] = await Promise.all([
      agentFor(t, 'instructor', { personId: lead?.id as string }),
      agentFor(t, 'instructor', { personId: co?.id as string }),
      agentFor(t, 'instructor', { personId: trainee?.id as string }),
      agentFor(t, 'coordinator', { organizationId: agencyId }),
      agentFor(t, 'coordinator', { organizationId: otherAgency.id }),
      agentFor(t, 'viewer'),
    ]);
    const offering = await schedule(course.id, '2010-11-15', '2010-11-19');
    await officer.put(`/api/offerings/${offering.id}/instructors`, { personId: lead?.id, role: 'lead' }, offering.version);
    await officer.put(`/api/offerings/${offering.id}/instructors`, { personId: co?.id, role: 'co' }, await offeringVersion(offering.id));
    const enrollment = (await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: trainee?.id })).json();
    const view = async (agent: Agent) => (await agent.get(`/api/offerings/${offering.id}`)).json();

    const everything = ['update', 'cancel', 'addInstructor', 'removeInstructor', 'enroll', 'recordResults', 'close'];
    expect((await view(officer)).allowedActions).toEqual(everything);
    expect((await view(officer)).enrollments[0].allowedActions).toEqual(['recordResult']);
    expect((await view(leadAgent)).allowedActions).toEqual(['enroll', 'recordResults', 'close']);
    expect((await view(coAgent)).allowedActions).toEqual(['enroll', 'recordResults']);
    expect((await view(coAgent)).enrollments.map((e: { id: string; allowedActions: string[] }) => [e.id, e.allowedActions])).toEqual([[enrollment.id, ['recordResult']]]);
    expect((await view(traineeAgent)).allowedActions).toEqual([]);
    expect((await view(traineeAgent)).enrollments[0].allowedActions).toEqual([]);
    expect((await view(coordinator)).allowedActions).toEqual(['enroll']);
    expect((await view(viewer)).allowedActions).toEqual([]);
    expect((await otherCoordinator.get(`/api/offerings/${offering.id}`)).statusCode).toBe(404);
    const listed = (await coordinator.get(`/api/offerings?courseId=${course.id}`)).json().items;
    expect(listed.map((o: { id: string; allowedActions: string[] }) => [o.id, o.allowedActions])).toEqual([[offering.id, ['enroll']]]);
    expect((await otherCoordinator.get(`/api/offerings?courseId=${course.id}`)).json().items).toEqual([]);

    expect((await coAgent.patch(`/api/offerings/${offering.id}/enrollments/${enrollment.id}`, { attendancePercent: 100 }, enrollment.version)).statusCode).toBe(200);
    // Once closed, only the follow-up is left, and only to the program office.
    const report = (await leadAgent.post(`/api/offerings/${offering.id}/close`, acknowledged(), await offeringVersion(offering.id))).json();
    expect((await view(officer)).allowedActions).toEqual(['recordFollowUp']);
    expect((await view(leadAgent)).allowedActions).toEqual([]);
    const certificationId = report.certified[0].certificationId as string;
    expect((await officer.get(`/api/certifications/${certificationId}`)).json().allowedActions).toEqual(['revoke']);
    expect((await coordinator.get(`/api/certifications/${certificationId}`)).json().allowedActions).toEqual([]);
    expect((await otherCoordinator.get(`/api/certifications/${certificationId}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/credentials/${credential.id}`)).json().allowedActions).toEqual(['update']);
    expect((await viewer.get(`/api/courses/${course.id}`)).json().allowedActions).toEqual([]);

    expect((await officer.get('/api/auth/me')).json().capabilities).toMatchObject({ offerings: ['read', 'create', ...everything, 'recordFollowUp'], vetting: ['read', 'create', 'recordResult'] });
    expect((await coordinator.get('/api/auth/me')).json().capabilities).toMatchObject({ offerings: ['read', 'enroll'], courses: ['read'], vetting: [] });
    expect((await leadAgent.get('/api/auth/me')).json().capabilities.offerings).toEqual(['read', 'enroll', 'recordResults', 'close']);
  });

  it('refuses to take off an instructor who does not teach the offering, changing nothing', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const offering = await schedule(course.id, '2010-10-04', '2010-10-08');
    const stranger = await buildPerson(t.services, t.system, { organizationId: agencyId });
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/offerings/${offering.id}/instructors/${stranger.id}`,
      headers: { authorization: `Bearer ${officer.token}`, 'if-match': `"${offering.version}"` },
    });
    expect(response.statusCode).toBe(404);
    expect(await offeringVersion(offering.id)).toBe(offering.version);
    const audit = await t.services.auditLog.list(t.system, { entityId: offering.id, action: 'offering.instructor_remove', limit: 5, format: 'json' });
    expect(audit.items).toEqual([]);
  });
});

describe('enrollment rules', () => {
  it('refuses a duplicate, a full offering and a clash', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const small = await schedule(course.id, '2010-05-03', '2010-05-07', { capacity: 1 });
    const [a, b] = [await buildPerson(t.services, t.system, { organizationId: agencyId }), await buildPerson(t.services, t.system, { organizationId: agencyId })];
    expect((await officer.post(`/api/offerings/${small.id}/enrollments`, { personId: a.id })).statusCode).toBe(201);
    const twice = await officer.post(`/api/offerings/${small.id}/enrollments`, { personId: a.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().rule).toBe('enrollment.duplicate');
    const full = await officer.post(`/api/offerings/${small.id}/enrollments`, { personId: b.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().rule).toBe('offering.full');
    const overlapping = await schedule(course.id, '2010-05-07', '2010-05-10');
    expect((await officer.post(`/api/offerings/${overlapping.id}/enrollments`, { personId: a.id })).json().rule).toBe('enrollment.clash');
  });

  it('puts a withdrawn participant back only into a free seat and a free week', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const small = await schedule(course.id, '2010-05-17', '2010-05-21', { capacity: 1 });
    const [a, b] = [await buildPerson(t.services, t.system, { organizationId: agencyId }), await buildPerson(t.services, t.system, { organizationId: agencyId })];
    const first = (await officer.post(`/api/offerings/${small.id}/enrollments`, { personId: a.id })).json();
    const withdrawn = (await officer.patch(`/api/offerings/${small.id}/enrollments/${first.id}`, { status: 'withdrawn' }, first.version)).json();
    expect((await officer.post(`/api/offerings/${small.id}/enrollments`, { personId: b.id })).statusCode).toBe(201);
    const back = () => officer.patch(`/api/offerings/${small.id}/enrollments/${first.id}`, { status: 'enrolled' }, withdrawn.version);
    expect((await back()).json().rule).toBe('offering.full');
    const roomy = await schedule(course.id, '2010-05-17', '2010-05-21');
    const other = await officer.post(`/api/offerings/${roomy.id}/enrollments`, { personId: a.id });
    expect(other.statusCode).toBe(201);
    const current = await offeringVersion(small.id);
    expect((await officer.patch(`/api/offerings/${small.id}`, { capacity: 2 }, current)).statusCode).toBe(200);
    expect((await back()).json().rule).toBe('enrollment.clash');
    await officer.patch(`/api/offerings/${roomy.id}/enrollments/${other.json().id}`, { status: 'withdrawn' }, other.json().version);
    expect((await back()).statusCode).toBe(200);
  });

  it('lets only one of two people take the last seat at once', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const small = await schedule(course.id, '2010-07-05', '2010-07-09', { capacity: 1 });
    const [a, b] = [await buildPerson(t.services, t.system, { organizationId: agencyId }), await buildPerson(t.services, t.system, { organizationId: agencyId })];
    const results = await Promise.all([a, b].map((p) => officer.post(`/api/offerings/${small.id}/enrollments`, { personId: p.id })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('enrolls a foreign participant of a U.S.-funded offering only with a vetting cleared and valid on the start date', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const offering = await schedule(course.id, '2010-10-11', '2010-10-15', { country: 'SV' });
    const officerAbroad = await buildPerson(t.services, t.system, { organizationId: salvadorId, givenName: 'Foreign' });
    const enroll = () => officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: officerAbroad.id });
    expect((await enroll()).json()).toMatchObject({ rule: 'vetting.not_cleared', detail: expect.stringContaining('October 11, 2010') });

    const submitted = (await officer.post('/api/vetting', { personId: officerAbroad.id, caseReference: `LEAHY-${Date.now()}`, submittedOn: '2010-08-01' })).json();
    expect((await enroll()).json().rule).toBe('vetting.not_cleared');
    const queue = (await officer.get('/api/vetting/queue')).json();
    expect(queue.pending.map((r: { id: string }) => r.id)).toContain(submitted.id);

    const lapsing = await officer.post(`/api/vetting/${submitted.id}/result`, { status: 'cleared', resultOn: '2010-09-01', validUntil: '2010-10-10' }, submitted.version);
    expect(lapsing.statusCode).toBe(200);
    expect((await enroll()).json().rule).toBe('vetting.not_cleared');

    const renewed = (await officer.post('/api/vetting', { personId: officerAbroad.id, caseReference: `LEAHY-R-${Date.now()}`, submittedOn: '2010-09-15' })).json();
    await officer.post(`/api/vetting/${renewed.id}/result`, { status: 'cleared', resultOn: '2010-10-01', validUntil: '2011-09-30' }, renewed.version);
    expect((await enroll()).statusCode).toBe(201);

    const domestic = await schedule(course.id, '2010-10-18', '2010-10-22', { country: 'SV', isUsFunded: false });
    const unvetted = await buildPerson(t.services, t.system, { organizationId: salvadorId });
    expect((await officer.post(`/api/offerings/${domestic.id}/enrollments`, { personId: unvetted.id })).statusCode).toBe(201);
  });

  it('refuses an enrollment in the reader’s language, its rule unchanged', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const offering = await schedule(course.id, '2010-10-11', '2010-10-15', { country: 'SV' });
    const abroad = await buildPerson(t.services, t.system, { organizationId: salvadorId, givenName: 'Lucienne', familyName: 'Dorval' });
    const inFrench = officer.speaking('fr');
    const unvetted = await inFrench.post(`/api/offerings/${offering.id}/enrollments`, { personId: abroad.id });
    expect(unvetted.statusCode).toBe(422);
    expect(unvetted.headers['content-language']).toBe('fr');
    expect(unvetted.json()).toMatchObject({
      rule: 'vetting.not_cleared',
      detail:
        'Lucienne Dorval ne peut pas participer à une session financée par les États-Unis sans une vérification des antécédents ayant reçu un avis favorable et valide à sa date de début (11 octobre 2010\u00a0; aucune n’a été demandée).',
    });

    const nobody = await inFrench.post(`/api/offerings/${offering.id}/enrollments`, { personId: randomUUID() });
    expect(nobody.json()).toMatchObject({ detail: 'Cette personne n’existe pas.', errors: [{ pointer: '/body/personId', detail: 'ne correspond à aucune personne que vous pouvez consulter' }] });

    const cancelled = await inFrench.patch(`/api/offerings/${offering.id}`, { status: 'cancelled' }, await offeringVersion(offering.id));
    expect(cancelled.json().errors).toEqual([{ pointer: '/body/cancelReason', detail: 'est obligatoire pour annuler\u00a0: indiquez pourquoi la session n’aura pas lieu' }]);
    await officer.patch(`/api/offerings/${offering.id}`, { status: 'cancelled', cancelReason: 'The host postponed it.' }, await offeringVersion(offering.id));
    const closed = await inFrench.post(`/api/offerings/${offering.id}/enrollments`, { personId: abroad.id });
    expect(closed.json()).toMatchObject({ rule: 'offering.not_open', detail: 'La session est annulée\u00a0: elle n’accepte plus de participants.' });
    expect((await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: abroad.id })).json().detail).toBe('The offering is cancelled: it takes no more participants.');

    // A schema's own words, and a conflict naming a field, likewise.
    const badCode = await inFrench.post('/api/courses', { code: 'x', track: 'corrections', level: 'basic', language: 'en', title: 'X', hours: 8 });
    expect(badCode.json().errors).toEqual([{ pointer: '/body/code', detail: 'doit compter de 2 à 30 lettres majuscules, chiffres et traits d’union, par exemple CORR-TOT-1' }]);
    const taken = await officer.speaking('es').post('/api/courses', { code: course.code, track: 'corrections', level: 'basic', language: 'en', title: 'X', hours: 8 });
    expect(taken.json()).toMatchObject({ detail: `Ya existe un curso con el código ${course.code}.`, errors: [{ pointer: '/body/code', detail: 'ya es el código de un curso' }] });
  });

  it('refuses an enrollment without naming a person the caller cannot read, nor their vetting to those who may not see it', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const offering = await schedule(course.id, '2010-10-25', '2010-10-29', { country: 'SV' });
    const teacher = await buildPerson(t.services, t.system, { organizationId: agencyId });
    await officer.put(`/api/offerings/${offering.id}/instructors`, { personId: teacher.id, role: 'lead' }, offering.version);
    const instructor = await agentFor(t, 'instructor', { personId: teacher.id });
    const unvetted = await buildPerson(t.services, t.system, { organizationId: salvadorId, givenName: 'Hidden', familyName: 'Abroad' });
    const answer = async (personId: string) => {
      const response = await instructor.post(`/api/offerings/${offering.id}/enrollments`, { personId });
      const { requestId: _, ...body } = response.json();
      return { status: response.statusCode, body, text: response.body };
    };
    const nobody = await answer(randomUUID());
    const refused = await answer(unvetted.id);
    // Out of the instructor's sight, a person refused reads exactly as one who does not exist.
    expect({ status: refused.status, body: refused.body }).toEqual({ status: nobody.status, body: nobody.body });
    expect(refused.text).not.toMatch(/Hidden|Abroad|vetting/);
    const onRoster = await buildPerson(t.services, t.system, { organizationId: (await buildOrganization(t.services, t.system)).id });
    expect((await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: onRoster.id })).statusCode).toBe(201);
    const twice = await answer(onRoster.id);
    expect({ status: twice.status, body: twice.body }).toEqual({ status: nobody.status, body: nobody.body });

    // The program office reads vetting and hears where it stands; an agency's coordinator only that it stands in the way.
    expect((await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: unvetted.id })).json().detail).toContain('none was requested');
    // A co-instructor from the person's own agency puts the offering in sight of that agency's coordinator.
    const colleague = await buildPerson(t.services, t.system, { organizationId: salvadorId });
    await officer.put(`/api/offerings/${offering.id}/instructors`, { personId: colleague.id, role: 'co' }, await offeringVersion(offering.id));
    const coordinator = await agentFor(t, 'coordinator', { organizationId: salvadorId });
    const asCoordinator = (await coordinator.post(`/api/offerings/${offering.id}/enrollments`, { personId: unvetted.id })).json();
    expect(asCoordinator).toMatchObject({ rule: 'vetting.not_cleared', detail: expect.stringContaining('Hidden Abroad') });
    expect(asCoordinator.detail).not.toContain('none was requested');

    // Whom the instructor can read (themselves) is refused by name, as before.
    expect((await instructor.post(`/api/offerings/${offering.id}/enrollments`, { personId: teacher.id })).json().rule).toBe('enrollment.is_instructor');
  });

  it('keeps vetting results from everyone but the program office', async () => {
    for (const role of ['coordinator', 'viewer', 'instructor'] as const) {
      const binding = role === 'coordinator' ? { organizationId: agencyId } : role === 'instructor' ? { personId: (await buildPerson(t.services, t.system, { organizationId: agencyId })).id } : {};
      const agent = await agentFor(t, role, binding);
      expect((await agent.get('/api/vetting')).statusCode, role).toBe(403);
      expect((await agent.get('/api/vetting/queue')).statusCode, role).toBe(403);
    }
    const submitted = await officer.post('/api/vetting', { personId: (await buildPerson(t.services, t.system, { organizationId: salvadorId })).id, caseReference: 'ALLOWED-1', submittedOn: '2010-11-01' });
    expect(submitted.json().allowedActions).toEqual(['recordResult']);
  });
});

describe('follow-ups', () => {
  it('records, 3 to 12 months after, whether a trained instructor went on to teach', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const offering = await schedule(course.id, '2010-01-11', '2010-01-15');
    const person = await buildPerson(t.services, t.system, { organizationId: agencyId });
    const e = (await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: person.id })).json();
    await officer.patch(`/api/offerings/${offering.id}/enrollments/${e.id}`, { attendancePercent: 100 }, e.version);
    await officer.post(`/api/offerings/${offering.id}/close`, acknowledged(), await offeringVersion(offering.id));
    const early = await officer.post(`/api/offerings/${offering.id}/follow-ups`, { personId: person.id, recordedOn: '2010-04-14', hasTaught: false });
    expect(early.json().rule).toBe('followup.window');
    const recorded = await officer.post(`/api/offerings/${offering.id}/follow-ups`, {
      personId: person.id,
      recordedOn: '2010-07-15',
      hasTaught: true,
      offeringsTaught: 2,
      peopleTrained: 37,
      agencyReport: 'Now runs the academy’s in-service training.',
    });
    expect(recorded.json().followUps).toEqual([expect.objectContaining({ personId: person.id, hasTaught: true, peopleTrained: 37 })]);
  });
});
