import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { signDataIntegrity } from './signing.js';
import { isSetInList } from './status-list.js';

let t: TestApp;
let officer: Agent;
let officeId: string;
let academyId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  officeId = (await buildOrganization(t.services, t.system, { name: 'Badge Test Program Office', kind: 'program_office', website: 'https://office.example.test' })).id;
  academyId = (await buildOrganization(t.services, t.system, { name: 'Academia Penitenciaria de Prueba', kind: 'academy', country: 'SV' })).id;
});
afterAll(() => t.close());

/** Certifies a fresh person through a real offering and returns the certification id. */
async function certify(options: { deliveringOrganizationId?: string; instructorId?: string; credential?: Awaited<ReturnType<typeof buildInstructorCourse>> } = {}) {
  const built = options.credential ?? (await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0, validityMonths: 24 }));
  const person = await buildPerson(t.services, t.system, { givenName: 'Badgeholder', email: `holder.${Math.random().toString(36).slice(2)}@example.test` });
  let offering = await t.services.offerings.schedule(t.system, {
    courseId: built.course.id,
    startOn: '2010-06-07',
    endOn: '2010-06-11',
    country: 'SV',
    capacity: 5,
    isUsFunded: false,
    isRefresher: false,
    deliveringOrganizationId: options.deliveringOrganizationId ?? null,
  });
  if (options.instructorId) offering = await t.services.offerings.setInstructor(t.system, offering.id, offering.version, { personId: options.instructorId, role: 'lead' });
  const enrollment = await t.services.enrollments.enroll(t.system, offering.id, person.id);
  await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
  const report = await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version);
  return { id: report.certified[0]?.certificationId as string, personId: person.id, credential: built };
}

const anonymous = () => ({
  get: (url: string) => t.app.inject({ method: 'GET', url }),
  post: (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload }),
});

async function credentialOf(id: string) {
  const response = await anonymous().get(`/api/public/credentials/${id}`);
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body) as Record<string, unknown>;
}

async function verify(credential: unknown) {
  const response = await anonymous().post('/api/public/verifications', { credential });
  expect(response.statusCode).toBe(200);
  return response.json() as { isVerified: boolean; checks: { check: string; isPassed: boolean; message: string }[] };
}

const failing = (result: Awaited<ReturnType<typeof verify>>) => result.checks.filter((c) => !c.isPassed).map((c) => `${c.check}: ${c.message}`);

describe('issuing Open Badges 3.0 credentials', () => {
  // That the official JSON Schema accepts it too is in badges.conformance.test.ts.
  it('issues each certification as an OpenBadgeCredential', async () => {
    const { id } = await certify();
    const credential = await credentialOf(id);
    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `http://localhost:3000/api/public/issuers/${officeId}`, name: 'Badge Test Program Office' },
      validFrom: '2010-06-11T00:00:00Z',
      validUntil: '2012-06-10T23:59:59Z',
      credentialSubject: { achievement: { achievementType: 'Certification' }, result: [{ status: 'Completed' }] },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
      proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' }],
    });
    expect(JSON.stringify(credential)).not.toMatch(/holder\.[a-z0-9]+@example\.test/);
  });

  it('verifies its own credential, as JSON and as a VC-JWT', async () => {
    const { id } = await certify();
    const json = await verify(await credentialOf(id));
    expect(failing(json)).toEqual([]);
    expect(json.isVerified).toBe(true);
    const jwt = (await anonymous().get(`/api/public/credentials/${id}/jwt`)).body;
    expect(jwt.split('.')).toHaveLength(3);
    const viaJwt = await verify(jwt);
    expect(failing(viaJwt)).toEqual([]);
  });

  it('shows anyone who holds what, from whom, until when', async () => {
    const { id } = await certify();
    const summary = (await anonymous().get(`/api/public/certificates/${id}`)).json();
    expect(summary).toMatchObject({ holder: { name: expect.stringContaining('Badgeholder') }, issuer: { name: 'Badge Test Program Office' }, status: 'active', expiresOn: '2012-06-10' });
    const pdf = await anonymous().get(`/api/public/credentials/${id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('tampering', () => {
  let credential: Record<string, unknown>;
  beforeAll(async () => {
    credential = await credentialOf((await certify()).id);
  });
  const clone = () => structuredClone(credential) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('fails when one character of the subject changes', async () => {
    const forged = clone();
    const name = forged.credentialSubject.identifier.find((i: { identityType: string }) => i.identityType === 'name');
    name.identityHash = `${name.identityHash.slice(0, -1)}x`;
    expect(failing(await verify(forged))[0]).toMatch(/^signature: The signature does not verify/);
  });

  it('fails when the dates change', async () => {
    const forged = clone();
    forged.validUntil = '2030-06-10T23:59:59Z';
    expect((await verify(forged)).isVerified).toBe(false);
  });

  it('fails when the achievement changes', async () => {
    const forged = clone();
    forged.credentialSubject.achievement.name = 'Master Instructor';
    expect(failing(await verify(forged))[0]).toMatch(/^signature:/);
  });

  it('fails with a proof taken from another credential', async () => {
    const other = await credentialOf((await certify()).id);
    const forged = clone();
    forged.proof = other.proof;
    expect(failing(await verify(forged))[0]).toMatch(/^signature:/);
  });

  it('fails when signed with a key the issuer never published', async () => {
    const issuer = `http://localhost:3000/api/public/issuers/${officeId}`;
    const rogue = await Ed25519Multikey.generate({ id: `${issuer}#key-99`, controller: issuer });
    const { proof: _proof, ...unsigned } = clone();
    const forged = await signDataIntegrity(unsigned, rogue, new Date('2010-06-12T00:00:00Z'));
    const reasons = failing(await verify(forged));
    expect(reasons[0]).toMatch(/signature: .*key-99/);
  });

  it('refuses to fetch anything from the network', async () => {
    const forged = clone();
    (forged['@context'] as string[]).push('https://example.com/evil-context.jsonld');
    expect(failing(await verify(forged))[0]).toMatch(/nothing is fetched from the network/);
  });

  it('says what is not a credential at all', async () => {
    expect(failing(await verify({ hello: 'world' }))).toEqual(['format: This is neither a verifiable credential (JSON) nor a VC-JWT.']);
  });
});

describe('revocation and expiry', () => {
  it('flips the revoked credential’s place in the published status list, which any verifier can read', async () => {
    const { id } = await certify();
    const credential = await credentialOf(id);
    const status = credential.credentialStatus as { statusListCredential: string; statusListIndex: string };
    const listPath = new URL(status.statusListCredential).pathname;
    const before = (await anonymous().get(listPath)).json();
    expect(await isSetInList(before, Number(status.statusListIndex))).toBe(false);
    expect((await officer.post(`/api/certifications/${id}/revocation`, { reason: 'Misconduct finding' }, 1)).statusCode).toBe(200);
    const after = (await anonymous().get(listPath)).json();
    expect(after.proof).toBeDefined();
    expect(await isSetInList(after, Number(status.statusListIndex))).toBe(true);
    expect(failing(await verify(credential))).toEqual(['status: Revoked: the issuer’s status list marks this credential.']);
    const shown = await anonymous().get(`/api/public/certificates/${id}`);
    // The public learns that and when it was revoked; why stays with the program office.
    expect(shown.json()).toMatchObject({ status: 'revoked', revokedOn: '2010-12-01' });
    expect(shown.body).not.toContain('Misconduct');
  });

  it('expires on its day, and not before', async () => {
    const { id } = await certify();
    const credential = await credentialOf(id);
    t.clock.set('2012-06-10T23:00:00Z');
    expect((await verify(credential)).isVerified).toBe(true);
    t.clock.set('2012-06-11T00:00:01Z');
    expect(failing(await verify(credential))).toEqual(['dates: Expired on June 10, 2012.']);
    expect((await anonymous().get(`/api/public/certificates/${id}`)).json().status).toBe('expired');
    t.clock.set('2010-12-01T12:00:00Z');
  });
});

describe('keys', () => {
  it('publishes the issuer’s keys, rotates them, and still verifies what old keys signed', async () => {
    const before = await credentialOf((await certify()).id);
    await t.services.keys.rotate(t.system, officeId);
    const after = await credentialOf((await certify()).id);
    expect((before.proof as { verificationMethod: string }[])[0]?.verificationMethod).toMatch(/#key-1$/);
    expect((after.proof as { verificationMethod: string }[])[0]?.verificationMethod).toMatch(/#key-2$/);
    const controller = (await anonymous().get(`/api/public/issuers/${officeId}`)).json();
    expect(controller.assertionMethod).toHaveLength(2);
    const jwks = (await anonymous().get(`/api/public/issuers/${officeId}/jwks.json`)).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid.split('#')[1])).toEqual(['rsa-1', 'rsa-2']);
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
    expect((await verify(before)).isVerified).toBe(true);
    expect((await verify(after)).isVerified).toBe(true);
    const rotated = await t.testDb.database.db.selectFrom('audit_events').select(['actor_label', 'after']).where('action', '=', 'badge.keys_rotate').where('entity_id', '=', officeId).execute();
    expect(rotated).toHaveLength(1);
    expect(rotated[0]?.actor_label).toBe(t.system.actor.label);
    expect(JSON.parse(rotated[0]?.after as string)).toEqual({
      retired: [expect.stringMatching(/#key-1$/), expect.stringMatching(/#rsa-1$/)],
      signingWith: [expect.stringMatching(/#key-2$/), expect.stringMatching(/#rsa-2$/)],
    });
  });
  it('publishes no issuer for an agency that does not issue, and makes it no keys', async () => {
    const agency = await buildOrganization(t.services, t.system, { name: 'Never Issued Sheriff’s Office', kind: 'county_sheriff' });
    for (const path of ['', '/jwks.json', '/status/revocation']) {
      const response = await anonymous().get(`/api/public/issuers/${agency.id}${path}`);
      expect(response.statusCode, path).toBe(404);
      expect(response.body).not.toContain('Never Issued');
    }
    expect((await t.services.keys.published(agency.id)).ed25519).toEqual([]);
  });
});

describe('delegated issuing', () => {
  it('lets an endorsed academy issue under the program’s standard, and flags its credentials when the endorsement is withdrawn', async () => {
    const built = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const endorsed = await officer.post('/api/endorsements', { organizationId: academyId, credentialId: built.credential.id, statement: 'Trains to the program’s corrections instructor standard.' });
    expect(endorsed.statusCode).toBe(201);
    expect(endorsed.json().allowedActions).toEqual(['withdraw']);
    const { id } = await certify({ deliveringOrganizationId: academyId, credential: built });
    const credential = await credentialOf(id);
    expect(credential.issuer).toMatchObject({ id: `http://localhost:3000/api/public/issuers/${academyId}`, name: 'Academia Penitenciaria de Prueba' });
    const endorsement = (credential.issuer as { endorsement: { type: string[]; issuer: { id: string } }[] }).endorsement[0];
    expect(endorsement?.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect(endorsement?.issuer.id).toBe(`http://localhost:3000/api/public/issuers/${officeId}`);
    expect((await verify(endorsement)).isVerified).toBe(true);
    expect((await verify(credential)).isVerified).toBe(true);
    expect((await anonymous().get(`/api/public/certificates/${id}`)).json().chain).toEqual(['Badge Test Program Office', 'Academia Penitenciaria de Prueba', expect.stringContaining('Badgeholder')]);

    const withdrawn = await officer.post(`/api/endorsements/${endorsed.json().id}/withdrawal`, { reason: 'Audit found lapses' }, 1);
    expect(withdrawn.json()).toMatchObject({ flaggedCredentials: 1, allowedActions: [] });
    expect(failing(await verify(credential))).toEqual([expect.stringMatching(/^review: Under review by the issuer: the issuer’s endorsement was withdrawn/)]);
    // Why it was withdrawn stays the program office's record: the public learns only that it was.
    const shown = JSON.stringify((await anonymous().get(`/api/public/certificates/${id}`)).json()) + JSON.stringify(await verify(credential));
    expect(shown).toContain('the issuer’s endorsement was withdrawn');
    expect(shown).not.toContain('Audit found lapses');
  });

  it('flags what a decertified trainer taught', async () => {
    const trainer = await certify();
    const trainee = await certify({ instructorId: trainer.personId });
    expect((await verify(await credentialOf(trainee.id))).isVerified).toBe(true);
    await officer.post(`/api/certifications/${trainer.id}/revocation`, { reason: 'Decertified' }, 1);
    const result = await verify(await credentialOf(trainee.id));
    expect(failing(result)).toEqual([expect.stringMatching(/^review: .*instructor of the offering was decertified/)]);
    expect(JSON.stringify(result) + (await anonymous().get(`/api/public/certificates/${trainee.id}`)).body).not.toContain('Decertified');
  });
});
