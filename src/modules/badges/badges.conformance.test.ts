import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { openBadgesValidator } from '../../../test/conformance/standards.js';
import { packageRoot } from '../../platform/package-root.js';

/** Cadre's credentials, and its own test vectors, against the official Open Badges 3.0 JSON Schemas. */

let t: TestApp;
let officer: Agent;
let academyId: string;
const achievementCredential = openBadgesValidator('achievementcredential');
const endorsementCredential = openBadgesValidator('endorsementcredential');

/** Ajv's verdict with its errors as the failure message, so a failure says which property. */
function expectValid(validate: typeof achievementCredential, document: unknown) {
  expect(validate(document), JSON.stringify(validate.errors, null, 1)).toBe(true);
}

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  await buildOrganization(t.services, t.system, { name: 'Conformance Program Office', kind: 'program_office', website: 'https://office.example.test' });
  academyId = (await buildOrganization(t.services, t.system, { name: 'Academia de Conformidad', kind: 'academy', country: 'SV' })).id;
});
afterAll(() => t.close());

/** Certifies a fresh person through a real offering and returns the credential anyone may fetch. */
async function issuedCredential(built: Awaited<ReturnType<typeof buildInstructorCourse>>, deliveringOrganizationId: string | null = null) {
  const person = await buildPerson(t.services, t.system, { givenName: 'Conformant' });
  const offering = await t.services.offerings.schedule(t.system, {
    courseId: built.course.id,
    startOn: '2010-06-07',
    endOn: '2010-06-11',
    country: 'SV',
    capacity: 5,
    isUsFunded: false,
    isRefresher: false,
    deliveringOrganizationId,
  });
  const enrollment = await t.services.enrollments.enroll(t.system, offering.id, person.id);
  await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
  const report = await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version);
  const response = await t.app.inject({ method: 'GET', url: `/api/public/credentials/${report.certified[0]?.certificationId}` });
  expect(response.statusCode).toBe(200);
  return response.json() as { type: string[]; issuer: { endorsement?: unknown[] } };
}

describe('the Open Badges 3.0 JSON Schemas', () => {
  it('accept each certification Cadre issues as an AchievementCredential', async () => {
    const credential = await issuedCredential(await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0, validityMonths: 24 }));
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expectValid(achievementCredential, credential);
  });

  it('accept a credential an endorsed academy issues, and the EndorsementCredential it carries', async () => {
    const built = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const endorsed = await officer.post('/api/endorsements', { organizationId: academyId, credentialId: built.credential.id, statement: 'Trains to the program’s standard.' });
    expect(endorsed.statusCode).toBe(201);
    const credential = await issuedCredential(built, academyId);
    expectValid(achievementCredential, credential);
    expect(credential.issuer.endorsement).toHaveLength(1);
    expectValid(endorsementCredential, credential.issuer.endorsement?.[0]);
  });

  it('accept the test vectors, signed and unsigned', () => {
    const vectors = path.join(packageRoot, 'test', 'fixtures', 'openbadges');
    for (const file of ['openbadgecredential.unsigned.json', 'openbadgecredential.eddsa-rdfc-2022.json']) {
      expectValid(achievementCredential, JSON.parse(fs.readFileSync(path.join(vectors, file), 'utf8')));
    }
  });
});
