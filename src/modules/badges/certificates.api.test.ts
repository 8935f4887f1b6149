import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { pdfPages } from '../../../test/support/documents.js';

let t: TestApp;
let admin: Agent;
let officer: Agent;
let viewer: Agent;
let officeId: string;

/** A real PNG of `width` pixels square (a QR code: the PNG encoder at hand). */
const png = (width: number) => QRCode.toBuffer('https://cadre.example.org', { width, margin: 0 });

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  admin = await agentFor(t, 'admin');
  officer = await agentFor(t, 'program_officer');
  viewer = await agentFor(t, 'viewer');
  officeId = (await buildOrganization(t.services, t.system, { name: 'Certificate Test Program Office', kind: 'program_office' })).id;
});
afterAll(() => t.close());

/** Certifies a person through a real offering in San Salvador, closed through the API. */
async function certify(holder: { givenName: string; familyName: string }, options: { courseTitle?: string; translations?: Record<string, { name: string; criteria?: string }> } = {}) {
  const built = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0, validityMonths: 36 });
  if (options.translations) {
    const changed = await officer.patch(`/api/credentials/${built.credential.id}`, { translations: options.translations }, built.credential.version);
    expect(changed.statusCode).toBe(200);
  }
  if (options.courseTitle) {
    await officer.patch(`/api/courses/${built.course.id}`, { title: options.courseTitle }, built.course.version);
  }
  const person = await buildPerson(t.services, t.system, { ...holder, email: `holder.${Math.random().toString(36).slice(2)}@example.test` });
  const offering = await t.services.offerings.schedule(t.system, {
    courseId: built.course.id,
    startOn: '2010-05-03',
    endOn: '2010-05-14',
    country: 'SV',
    city: 'San Salvador',
    capacity: 5,
    isUsFunded: false,
    isRefresher: false,
    deliveringOrganizationId: null,
  });
  const enrollment = await t.services.enrollments.enroll(t.system, offering.id, person.id);
  await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
  const version = (await officer.get(`/api/offerings/${offering.id}`)).json().version as number;
  const closed = await officer.post(`/api/offerings/${offering.id}/close`, { acknowledgedAddress: t.services.address.url }, version);
  expect(closed.statusCode).toBe(200);
  return closed.json().certified[0].certificationId as string;
}

async function certificate(id: string, lang?: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/public/credentials/${id}/pdf${lang ? `?lang=${lang}` : ''}` });
  expect(response.statusCode).toBe(200);
  const pages = await pdfPages(response.rawPayload);
  return { pages, text: pages.join('\n').replace(/\s+/g, ' ') };
}

const profileOf = async () => (await admin.get(`/api/issuers/${officeId}`)).json();

describe('an issuer’s mark and signatory', () => {
  it('takes a PNG mark and a signatory under If-Match, audited, and serves the mark to anyone with caching headers', async () => {
    const empty = await profileOf();
    expect(empty).toMatchObject({ organizationId: officeId, isProgramOffice: true, mark: null, signatoryName: null, version: 1, allowedActions: ['update'] });
    const mark = await png(240);
    const set = await admin.patch(`/api/issuers/${officeId}`, { mark: { data: mark.toString('base64') }, signatoryName: 'Marisol Quintanilla-Ibarra', signatoryTitle: 'Director, Training Division' }, 1);
    expect(set.statusCode).toBe(200);
    expect(set.headers.etag).toBe('"2"');
    expect(set.json()).toMatchObject({ mark: { type: 'image/png', width: 240, height: 240 }, signatoryName: 'Marisol Quintanilla-Ibarra', signatoryTitle: 'Director, Training Division', version: 2 });

    const url = new URL(set.json().mark.url);
    const served = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toContain('public');
    expect(served.rawPayload.equals(mark)).toBe(true);
    const again = await t.app.inject({ method: 'GET', url: url.pathname, headers: { 'if-none-match': served.headers.etag as string } });
    expect(again.statusCode).toBe(304);

    const stale = await admin.patch(`/api/issuers/${officeId}`, { signatoryName: 'Someone Else' }, 1);
    expect(stale.statusCode).toBe(412);
    const audit = (await admin.get(`/api/audit?entityId=${officeId}&limit=50`)).json().items.filter((e: { action: string }) => e.action === 'issuer.profile_update');
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ markType: 'image/png', signatoryName: 'Marisol Quintanilla-Ibarra' });
    expect(JSON.stringify(audit[0])).not.toContain(mark.toString('base64').slice(0, 40));
  });

  it('refuses what is not a PNG or JPEG, too big or too small, naming what is wrong, and changes nothing', async () => {
    const before = await profileOf();
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]);
    const big = Buffer.concat([(await png(300)).subarray(0, 8), Buffer.alloc(600 * 1024, 7)]);
    for (const [data, detail] of [
      [gif, 'is not a PNG or JPEG image'],
      [big, 'a mark may be at most 512 KB'],
      [await png(40), 'at least 64 pixels'],
    ] as const) {
      const refused = await admin.patch(`/api/issuers/${officeId}`, { mark: { data: data.toString('base64') } }, before.version);
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().errors[0]).toMatchObject({ pointer: '/body/mark/data', detail: expect.stringContaining(detail) });
    }
    expect(await profileOf()).toEqual(before);
  });

  it('lets staff set it, and only read it for a viewer', async () => {
    expect((await viewer.get(`/api/issuers/${officeId}`)).json().allowedActions).toEqual([]);
    expect((await viewer.patch(`/api/issuers/${officeId}`, { signatoryName: 'A Viewer' }, 2)).statusCode).toBe(403);
    expect((await officer.get('/api/issuers')).json().items.map((i: { organizationId: string }) => i.organizationId)).toContain(officeId);
  });
});

describe('a credential’s translations', () => {
  it('keeps the name and short criteria per language, and refuses a language certificates are not printed in', async () => {
    const { credential } = await buildInstructorCourse(t.services, t.system);
    const translations = { es: { name: 'Instructor Certificado de Prueba', criteria: 'Asistir al curso y aprobar la evaluación final.' }, ht: { name: 'Enstriktè Sètifye pou Tès' } };
    const changed = await officer.patch(`/api/credentials/${credential.id}`, { translations }, credential.version);
    expect(changed.json().translations).toEqual(translations);
    expect((await officer.get(`/api/credentials/${credential.id}`)).json().translations).toEqual(translations);
    const wrong = await officer.patch(`/api/credentials/${credential.id}`, { translations: { de: { name: 'Zertifiziert' } } }, changed.json().version);
    expect(wrong.statusCode).toBe(400);
  });
});

describe('the printed certificate', () => {
  it('states the course, its hours, long dates, place, criteria, validity and signatory, on one page', async () => {
    const id = await certify({ givenName: 'Hélène', familyName: 'Saint-Éloi' });
    const { pages, text } = await certificate(id);
    expect(pages).toHaveLength(1);
    expect(text).toContain('Certificate Test Program Office certifies that');
    expect(text).toContain('Hélène Saint-Éloi');
    expect(text).toContain('Corrections instructor development (40 hours)');
    expect(text).toContain('May 3 – 14, 2010 · San Salvador, El Salvador');
    expect(text).toContain('Attend the course and pass the final assessment.');
    expect(text).toContain('Valid from May 14, 2010');
    expect(text).toContain('until May 13, 2013');
    expect(text).toContain('Marisol Quintanilla-Ibarra');
    expect(text).toContain('Director, Training Division');
    expect(text).toContain(`${t.services.address.url}/verify/${id}`);
    expect(text).toContain(id);

    // The public page shows the same mark as the paper.
    const summary = (await t.app.inject({ method: 'GET', url: `/api/public/certificates/${id}` })).json();
    const markUrl = (await profileOf()).mark.url as string;
    expect(summary.issuer.markUrl).toBe(markUrl);
  });

  it('prints the credential’s translation in Spanish and Haitian Creole, and English with the rest translated where there is none', async () => {
    const id = await certify(
      { givenName: 'Rosa', familyName: 'Menjívar' },
      { translations: { es: { name: 'Instructora Certificada en Corrección', criteria: 'Asistir al curso completo y aprobar la evaluación final.' }, ht: { name: 'Enstriktè Sètifye nan Koreksyon' } } },
    );
    const es = (await certificate(id, 'es')).text;
    expect(es).toContain('CERTIFICADO');
    expect(es).toContain('certifica que');
    expect(es).toContain('Instructora Certificada en Corrección');
    expect(es).toContain('Asistir al curso completo y aprobar la evaluación final.');
    expect(es).toContain('3–14 de mayo de 2010 · San Salvador, El Salvador');
    expect(es).toContain('40 horas');
    expect(es).toContain('Válido desde el 14 de mayo de 2010 hasta el 13 de mayo de 2013');

    const ht = (await certificate(id, 'ht')).text;
    expect(ht).toContain('SÈTIFIKA');
    expect(ht).toContain('sètifye ke');
    expect(ht).toContain('Enstriktè Sètifye nan Koreksyon');
    expect(ht).toContain('3–14 me 2010 · San Salvador, Salvadò');
    expect(ht).toContain('40 èdtan');
    expect(ht).toContain('Bay le 14 me 2010 · Valab jiska 13 me 2013');
    expect(ht).toContain('Verifye sètifika sa a sou');

    const fr = (await certificate(id, 'fr')).text;
    expect(fr).toContain('certifie que');
    expect(fr).toMatch(/Certified Test Instructor/);
  });

  it('prints in the language asked for, else the holder’s where the credential has it, else the visitor’s, and says which it can print in', async () => {
    const id = await certify({ givenName: 'Idalina', familyName: 'Serrano' }, { translations: { es: { name: 'Instructor Certificado en Corrección' }, pt: { name: 'Instrutor Certificado em Correção' } } });
    const printed = async (headers: Record<string, string>, lang?: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/public/credentials/${id}/pdf${lang ? `?lang=${lang}` : ''}`, headers });
      expect(response.statusCode).toBe(200);
      return (await pdfPages(response.rawPayload)).join('\n').replace(/\s+/g, ' ');
    };
    const summary = async (language: string) => (await t.app.inject({ method: 'GET', url: `/api/public/certificates/${id}`, headers: { 'accept-language': language } })).json().printing;

    // The holder trained in English and keeps no language of their own: the visitor's decides.
    expect(await printed({ 'accept-language': 'fr-HT,fr;q=0.9' })).toContain('certifie que');
    expect(await summary('fr')).toEqual({ languages: ['en', 'es', 'pt'], language: 'fr' });
    // An explicit choice wins over everything.
    const asked = await printed({ 'accept-language': 'fr' }, 'es');
    expect(asked).toContain('certifica que');
    expect(asked).toContain('Instructor Certificado en Corrección');

    // The holder reads Cadre in Portuguese, and the credential was issued in it: that is the certificate's language.
    const personId = (await officer.get(`/api/certifications/${id}`)).json().person.id as string;
    const holder = await agentFor(t, 'instructor', { personId });
    expect((await holder.patch('/api/auth/me', { locale: 'pt' })).statusCode).toBe(200);
    const holders = await printed({ 'accept-language': 'fr' });
    expect(holders).toContain('certifica que');
    expect(holders).toContain('Instrutor Certificado em Correção');
    expect(holders).toContain('Válido de 14 de maio de 2010 até 13 de maio de 2013');
    expect(await summary('fr')).toEqual({ languages: ['en', 'es', 'pt'], language: 'pt' });
    expect(await printed({ 'accept-language': 'pt' }, 'ht')).toContain('sètifye ke');

    // A language the credential has no translation in is not the holder's to impose: the visitor's decides again.
    expect((await holder.patch('/api/auth/me', { locale: 'ht' })).statusCode).toBe(200);
    const visitors = await printed({ 'accept-language': 'fr' });
    expect(visitors).toContain('certifie que');
    expect(visitors).toContain('Certified Test Instructor');
  });

  it('shrinks a long name and course title to fit one page', async () => {
    const familyName = 'Villanueva-Castellanos de la Fuente y Bermúdez';
    const givenName = 'María Guadalupe';
    expect(`${givenName} ${familyName}`.length).toBeGreaterThanOrEqual(60);
    const id = await certify(
      { givenName, familyName },
      { courseTitle: 'Advanced instructor development in corrections: use of force, crisis negotiation and the supervision of high-risk inmates in regional facilities' },
    );
    for (const lang of ['en', 'es', 'ht']) {
      const { pages, text } = await certificate(id, lang);
      expect(pages).toHaveLength(1);
      expect(text).toContain(`${givenName} ${familyName}`);
    }
  });
});

describe('issuing while the public address is not public', () => {
  it('refuses to close an offering that certifies unless the address is confirmed, naming CADRE_PUBLIC_URL', async () => {
    expect((await officer.get('/api/auth/me')).json().publicAddress).toEqual({ url: 'http://localhost:3000', isPublic: false, problem: 'unset' });
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const person = await buildPerson(t.services, t.system, {});
    const offering = await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2010-06-07', endOn: '2010-06-11', country: 'US', capacity: 5, isUsFunded: false, isRefresher: false, deliveringOrganizationId: null });
    const enrollment = await t.services.enrollments.enroll(t.system, offering.id, person.id);
    await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
    const version = (await officer.get(`/api/offerings/${offering.id}`)).json().version as number;
    for (const body of [undefined, { acknowledgedAddress: 'https://somewhere.else.example' }]) {
      const refused = await officer.post(`/api/offerings/${offering.id}/close`, body, version);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ rule: 'certificate.address_not_public', detail: expect.stringContaining('CADRE_PUBLIC_URL') });
      expect(refused.json().detail).toContain('http://localhost:3000');
    }
    expect((await officer.get(`/api/offerings/${offering.id}`)).json().status).toBe('scheduled');
    const closed = await officer.post(`/api/offerings/${offering.id}/close`, { acknowledgedAddress: 'http://localhost:3000' }, version);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().certified).toHaveLength(1);
  });

  it('does not ask when the address is public', async () => {
    const other = await createTestApp({ now: '2010-12-01T12:00:00Z', env: { CADRE_PUBLIC_URL: 'https://cadre.example.org' } });
    try {
      const closer = await agentFor(other, 'program_officer');
      expect((await closer.get('/api/auth/me')).json().publicAddress).toEqual({ url: 'https://cadre.example.org', isPublic: true, problem: null });
      const { course } = await buildInstructorCourse(other.services, other.system, { passMark: null, minAttendancePercent: 0 });
      const person = await buildPerson(other.services, other.system, {});
      const offering = await other.services.offerings.schedule(other.system, { courseId: course.id, startOn: '2010-06-07', endOn: '2010-06-11', country: 'US', capacity: 5, isUsFunded: false, isRefresher: false, deliveringOrganizationId: null });
      const enrollment = await other.services.enrollments.enroll(other.system, offering.id, person.id);
      await other.services.enrollments.recordResult(other.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
      const version = (await closer.get(`/api/offerings/${offering.id}`)).json().version as number;
      const closed = await closer.post(`/api/offerings/${offering.id}/close`, undefined, version);
      expect(closed.statusCode).toBe(200);
      expect(closed.json().certified).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
