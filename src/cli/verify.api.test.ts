import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../test/factories.js';
import { runCadre } from '../../test/cli.js';
import { packageRoot } from '../platform/package-root.js';

const EXAMPLES = path.join(packageRoot, 'test', 'fixtures', 'openbadges');
let t: TestApp;
let officer: Agent;
let dir: string;

const cadre = (args: string[]) => runCadre(args);

const save = (name: string, body: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
};

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-verify-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cadre verify, offline', () => {
  it('verifies the test vectors with their published keys, and refuses a tampered one', async () => {
    const keys = [path.join(EXAMPLES, 'issuer-controller-document.json'), path.join(EXAMPLES, 'issuer-jwks.json')];
    const json = await cadre(['verify', path.join(EXAMPLES, 'openbadgecredential.eddsa-rdfc-2022.json'), '--keys', ...keys]);
    expect(json.output).toContain('ok   signature');
    const jwt = await cadre(['verify', path.join(EXAMPLES, 'openbadgecredential.vc-jwt-rs256.txt'), '--keys', ...keys]);
    expect(jwt.output).toContain('The VC-JWT signature (RS256) is valid');
    const forged = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'openbadgecredential.eddsa-rdfc-2022.json'), 'utf8')) as { validUntil: string };
    forged.validUntil = '2099-01-01T00:00:00Z';
    const tampered = await cadre(['verify', save('forged.json', JSON.stringify(forged)), '--keys', ...keys]);
    expect(tampered).toMatchObject({ exitCode: 1 });
    expect(tampered.output).toContain('Not genuine: Nothing confirms that');
  });

  it('verifies a Cadre credential with the files its issuer publishes, and sees its revocation in the status list', async () => {
    const office = await buildOrganization(t.services, t.system, { kind: 'program_office', name: 'Offline Test Office' });
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0, validityMonths: 600 });
    const person = await buildPerson(t.services, t.system);
    const offering = await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2010-06-01', endOn: '2010-06-02', country: 'US', capacity: 3, isUsFunded: true, isRefresher: false });
    const e = await t.services.enrollments.enroll(t.system, offering.id, person.id);
    await t.services.enrollments.recordResult(t.system, offering.id, e.id, e.version, { attendancePercent: 100 });
    const id = (await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version)).certified[0]?.certificationId as string;
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).body;
    const credential = save('credential.json', await get(`/api/public/credentials/${id}`));
    const jwtFile = save('credential.jwt', await get(`/api/public/credentials/${id}/jwt`));
    const controller = save('controller.json', await get(`/api/public/issuers/${office.id}`));
    const jwks = save('jwks.json', await get(`/api/public/issuers/${office.id}/jwks.json`));
    const listUrl = `/api/public/issuers/${office.id}/status/revocation`;

    const fine = await cadre(['verify', credential, '--keys', controller, jwks, '--status-list', save('list.json', await get(listUrl))]);
    expect(fine.output).toMatch(/\nGenuine: Offline Test Office certified .* on June 2, 2010; it is valid until/);
    expect(fine.exitCode).toBe(0);
    expect(fine.output).toContain('Not revoked');
    expect((await cadre(['verify', jwtFile, '--keys', controller, jwks, '--status-list', path.join(dir, 'list.json')])).exitCode).toBe(0);
    const unknownStatus = await cadre(['verify', jwtFile, '--keys', controller, jwks]);
    expect(unknownStatus.output).toMatch(/FAIL status: The status list .* could not be checked/);

    await officer.post(`/api/certifications/${id}/revocation`, { reason: 'Revoked for the offline test' }, 1);
    const revoked = await cadre(['verify', credential, '--keys', controller, jwks, '--status-list', save('list2.json', await get(listUrl))]);
    expect(revoked).toMatchObject({ exitCode: 1 });
    expect(revoked.output).toContain('FAIL status: Revoked');

    const list = JSON.parse(await get(listUrl)) as { credentialSubject: { encodedList: string } };
    const encoded = list.credentialSubject.encodedList;
    list.credentialSubject.encodedList = `${encoded.slice(0, 10)}${encoded[10] === 'A' ? 'B' : 'A'}${encoded.slice(11)}`;
    const forgedList = await cadre(['verify', credential, '--keys', controller, jwks, '--status-list', save('list3.json', JSON.stringify(list))]);
    expect(forgedList.output).toMatch(/The status list .* does not verify/);
  });
});
