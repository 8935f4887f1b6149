import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { runCadre } from '../../../test/cli.js';

let t: TestApp;
let officer: Agent;
let officeId: string;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  officeId = (await buildOrganization(t.services, t.system, { name: 'Verdict Test Program Office', kind: 'program_office' })).id;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-verdict-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function certify() {
  const built = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0, validityMonths: 24 });
  const person = await buildPerson(t.services, t.system, { givenName: 'Verdictholder' });
  const offering = await t.services.offerings.schedule(t.system, { courseId: built.course.id, startOn: '2010-06-07', endOn: '2010-06-11', country: 'US', capacity: 5, isUsFunded: true, isRefresher: false });
  const enrollment = await t.services.enrollments.enroll(t.system, offering.id, person.id);
  await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
  const report = await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version);
  return report.certified[0]?.certificationId as string;
}

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/public/verifications', payload });

interface Verdict {
  code: string;
  heading: string;
  text: string;
  cautions: { code: string; text: string }[];
}

/** The verdict the public page shows and the one a pasted copy of its credential gets: they must be one. */
async function bothVerdicts(id: string): Promise<Verdict> {
  const page = (await get(`/api/public/certificates/${id}`)).json().verdict as Verdict;
  const pasted = await post({ credential: (await get(`/api/public/credentials/${id}`)).body });
  expect(pasted.statusCode).toBe(200);
  expect(pasted.json().verdict).toEqual(page);
  const jwt = await post({ credential: (await get(`/api/public/credentials/${id}/jwt`)).body });
  expect(jwt.json().verdict).toEqual(page);
  return page;
}

const pdfOf = async (id: string) => (await get(`/api/public/credentials/${id}/pdf`)).rawPayload;

describe('one verdict, on the public page and for a file', () => {
  it('is genuine, then genuine but expired, in the same words everywhere', async () => {
    const id = await certify();
    const holder = (await get(`/api/public/certificates/${id}`)).json().holder.name as string;
    expect(await bothVerdicts(id)).toEqual({
      code: 'genuine',
      heading: 'Genuine',
      text: `Verdict Test Program Office certified ${holder} as ${(await get(`/api/public/certificates/${id}`)).json().credential.name} on June 11, 2010; it is valid until June 10, 2012.`,
      cautions: [],
      facts: expect.any(Object),
    });
    t.clock.set('2013-01-02T00:00:00Z');
    const expired = await bothVerdicts(id);
    expect(expired).toMatchObject({ code: 'genuine_expired', heading: 'Genuine, but expired' });
    expect(expired.text).toContain('it expired on June 10, 2012 and is no longer in force.');
    t.clock.set('2010-12-01T12:00:00Z');
  });

  it('is said in the visitor’s language, with each check, on the public page and for a file', async () => {
    const id = await certify();
    const summary = (await get(`/api/public/certificates/${id}`)).json();
    const { holder, credential } = { holder: summary.holder.name as string, credential: summary.credential.name as string };
    const credentialJson = (await get(`/api/public/credentials/${id}`)).body;
    const inHaitianCreole = await t.app.inject({ method: 'POST', url: '/api/public/verifications', headers: { 'accept-language': 'ht' }, payload: { credential: credentialJson } });
    expect(inHaitianCreole.json().verdict).toMatchObject({
      code: 'genuine',
      heading: 'Otantik',
      text: `Verdict Test Program Office sètifye ${holder} kòm ${credential} le 11 jen 2010; li valab jiska 10 jen 2012.`,
    });
    expect(inHaitianCreole.json().checks.map((c: { message: string }) => c.message)).toEqual([
      'Prèv Data Integrity a (eddsa-rdfc-2022) valab, e yo fè l ak yon kle emetè a pibliye.',
      'Valab jiska 10 jen 2012.',
      'Pa revoke, dapre lis estati emetè a.',
    ]);

    t.clock.set('2013-01-02T00:00:00Z');
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/certificates/${id}`, headers: { 'accept-language': 'es-SV,es;q=0.9,en;q=0.5' } })).json();
    expect(page.verdict).toMatchObject({
      code: 'genuine_expired',
      heading: 'Auténtico, pero vencido',
      text: `Verdict Test Program Office certificó a ${holder} como ${credential} el 11 de junio de 2010; venció el 10 de junio de 2012 y ya no está vigente.`,
    });
    const inSpanish = await t.app.inject({ method: 'POST', url: '/api/public/verifications?lang=es', payload: { credential: credentialJson } });
    expect(inSpanish.json().verdict).toEqual(page.verdict);
    expect(inSpanish.json().checks.find((c: { check: string }) => c.check === 'dates')).toEqual({ check: 'dates', isPassed: false, message: 'Venció el 10 de junio de 2012.' });
    // The command line and scripts without a language keep English.
    expect((await post({ credential: credentialJson })).json().checks.find((c: { check: string }) => c.check === 'dates').message).toBe('Expired on June 10, 2012.');
    t.clock.set('2010-12-01T12:00:00Z');
  });

  it('is revoked once revoked, and not genuine once tampered with', async () => {
    const id = await certify();
    await officer.post(`/api/certifications/${id}/revocation`, { reason: 'Revoked for the verdict test' }, 1);
    expect(await bothVerdicts(id)).toMatchObject({ code: 'revoked', heading: 'Revoked' });
    const forged = JSON.parse((await get(`/api/public/credentials/${id}`)).body) as { validUntil: string };
    forged.validUntil = '2099-12-31T23:59:59Z';
    const result = (await post({ credential: forged })).json();
    expect(result.verdict).toMatchObject({ code: 'not_genuine', heading: 'Not genuine' });
    expect(result.verdict.text).toMatch(/^Nothing confirms that Verdict Test Program Office certified .* its signature does not verify, so do not rely on it\.$/);
  });

  it('verifies the credential a certificate PDF carries, and refuses a PDF without one', async () => {
    const id = await certify();
    const pdf = await pdfOf(id);
    const result = await post({ pdf: pdf.toString('base64') });
    expect(result.statusCode).toBe(200);
    expect(result.json()).toMatchObject({ isVerified: true, format: 'data-integrity', verdict: (await get(`/api/public/certificates/${id}`)).json().verdict });

    const plain = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.text('A certificate printed elsewhere');
      doc.end();
    });
    const none = await post({ pdf: plain.toString('base64') });
    expect(none.statusCode).toBe(400);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json().detail).toMatch(/^This PDF carries no Cadre credential/);

    const broken = await post({ pdf: Buffer.from('%PDF-1.7 not really').toString('base64') });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toBe('This file is not a PDF that can be read.');
    const notBase64 = await post({ pdf: 'not base64 at all!' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.headers['content-type']).toContain('application/problem+json');
  });

  it('reads the same verdict from `cadre verify certificate.pdf`', async () => {
    const id = await certify();
    const save = (name: string, body: string | Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, body);
      return file;
    };
    const pdf = save('certificate.pdf', await pdfOf(id));
    const keys = [save('controller.json', (await get(`/api/public/issuers/${officeId}`)).body), save('jwks.json', (await get(`/api/public/issuers/${officeId}/jwks.json`)).body)];
    const list = save('list.json', (await get(`/api/public/issuers/${officeId}/status/revocation`)).body);
    // The command line checks as of today: the page is asked on the same day.
    t.clock.set(new Date().toISOString());
    const verdict = (await get(`/api/public/certificates/${id}`)).json().verdict as Verdict;
    t.clock.set('2010-12-01T12:00:00Z');
    const run = await runCadre(['verify', pdf, '--keys', ...keys, '--status-list', list]);
    expect(run.output).toContain('ok   signature');
    expect(run.output).toContain(`${verdict.heading}: ${verdict.text}`);
    expect(verdict.code).toBe('genuine_expired');

    const plain = save('plain.pdf', Buffer.from('%PDF-1.7 not really'));
    const refused = await runCadre(['verify', plain, '--keys', ...keys]);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.output).toContain('This file is not a PDF that can be read.');
  });
});
