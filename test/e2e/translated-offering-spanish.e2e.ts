import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { words } from './catalogs.js';
import { ADMIN, apiSignIn, expect, expectAccessible, heading, sessionApi, test, unique } from './support.js';
import { createOrganization, createPerson, type Trainee } from './training.js';

/**
 * A Salvadoran academy's people at work in Spanish, with a browser set to Spanish (es-SV) and no
 * language chosen: the academy's coordinator follows its offering, and its instructor records
 * the participants' attendance and results. Recording results is the offering's instructors' (and
 * the program office's) work: a coordinator enrolls their agency's people and reads the roster,
 * but records no result (`offeringsPolicy.recordResults` in src/modules/training/training.policy.ts).
 */
test.use({ locale: 'es-SV' });

/** The server's sentences in Spanish (its problems' field wording). */
const serverSpanish = JSON.parse(fs.readFileSync('src/platform/messages/es.json', 'utf8')) as Record<string, string>;

const PASSWORD = 'cuaderno volcán despacio 2010 lámpara';
const START = '2010-09-20';
const END = '2010-09-24';

/** Signs in on the sign-in page as it reads in Spanish. */
async function signInInSpanish(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await expect(heading(page, words('es', 'auth.signInTitle'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByLabel(words('es', 'auth.email')).fill(email);
  await page.getByRole('textbox', { name: words('es', 'auth.password'), exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: words('es', 'auth.signIn') }).click();
  await expect(heading(page, words('es', 'home.title'))).toBeVisible();
}

async function recordResult(page: Page, person: Trainee, attendance: string, score: string): Promise<void> {
  await page.getByLabel(words('es', 'roster.fields.attendancePercentOf', { name: person.name })).fill(attendance);
  await page.getByLabel(words('es', 'roster.fields.scoreOf', { name: person.name })).fill(score);
  await page.getByRole('button', { name: words('es', 'roster.saveLabel', { name: person.name }) }).click();
}

test('the coordinator of a Salvadoran academy follows its offering in Spanish, and its instructor records attendance and results', async ({ page, request }) => {
  test.setTimeout(90_000);
  const mark = unique('').trim();
  const academyName = `Academia de Formación Penitenciaria Los Almendros ${mark}`;
  const courseName = `CIC-${mark.toUpperCase()}: Crisis intervention in custody`;
  let offeringId = '';
  let coordinatorEmail = '';
  let instructorEmail = '';
  let participants: Trainee[] = [];

  await test.step('the program office puts the academy, its people and its offering on record', async () => {
    await apiSignIn(request, ADMIN.email, ADMIN.password);
    const api = await sessionApi(request);
    const academy = await createOrganization(api, { name: academyName, kind: 'academy', country: 'SV', city: 'Santa Tecla' });
    const prison = await createOrganization(api, { name: `Centro Penitenciario Las Brisas ${mark}`, kind: 'foreign_corrections', country: 'SV' });
    const instructor = await createPerson(api, academy, 'Marisol', `Quintanilla ${mark}`, 'Instructora');
    // One participant is the academy's own, the other a prison's.
    participants = [await createPerson(api, academy, 'Óscar', `Henríquez ${mark}`, 'Custodio en formación'), await createPerson(api, prison, 'Xiomara', `Portillo ${mark}`, 'Custodia')];
    coordinatorEmail = `coordinacion.${mark}@academia.example`;
    instructorEmail = `instructora.${mark}@academia.example`;
    await api.post('/users', { email: coordinatorEmail, name: `Rigoberto Alvarenga ${mark}`, role: 'coordinator', organizationId: academy, password: PASSWORD });
    await api.post('/users', { email: instructorEmail, name: instructor.name, role: 'instructor', personId: instructor.id, password: PASSWORD });
    // Typed by the program office in English, as its records are; the course says so.
    const course = await api.post('/courses', { code: `CIC-${mark.toUpperCase()}`, title: 'Crisis intervention in custody', track: 'corrections', level: 'basic', language: 'en', hours: 24 });
    // The academy's own offering, not U.S.-funded: its participants need no vetting.
    let offering = await api.post<{ id: string; version: number }>('/offerings', {
      courseId: course.id,
      startOn: START,
      endOn: END,
      country: 'SV',
      city: 'Santa Tecla',
      capacity: 20,
      hostOrganizationId: academy,
      deliveringOrganizationId: academy,
      isUsFunded: false,
    });
    offering = await api.put(`/offerings/${offering.id}/instructors`, { personId: instructor.id, role: 'lead' }, offering.version);
    for (const participant of participants) await api.post(`/offerings/${offering.id}/enrollments`, { personId: participant.id });
    offeringId = offering.id;
  });

  const from = await page.evaluate((day) => new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)), START);
  const to = await page.evaluate((day) => new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)), END);
  // Spanish dates: the day first, the month in Spanish ("20 sept 2010"), never "Sep 20, 2010".
  expect(from).toMatch(/^20 sept?\.? 2010$/);

  const [first, second] = participants as [Trainee, Trainee];
  await test.step('the coordinator signs in in Spanish and reads the academy’s part of the roster, which they do not record', async () => {
    await signInInSpanish(page, coordinatorEmail);
    await page.goto(`/offerings/${offeringId}`);
    await expect(heading(page, courseName)).toBeVisible();
    // The course's title is English, on a Spanish page: it says so.
    await expect(heading(page, courseName)).toHaveAttribute('lang', 'en');
    await expect(page.locator('.page-header__lead')).toContainText(words('es', 'offerings.lead', { place: 'Santa Tecla, El Salvador', from, to }));
    const details = page.getByRole('region', { name: words('es', 'offerings.detailsHeading') });
    await expect(details.getByRole('link', { name: academyName }).first().locator('[lang="en"]')).toHaveText(academyName);
    const roster = page.getByRole('region', { name: words('es', 'roster.heading') });
    // A coordinator sees their own agency's people, not the prison's, and records no result.
    await expect(roster.getByRole('row').filter({ hasText: first.name })).toBeVisible();
    await expect(roster.getByRole('row').filter({ hasText: second.name })).toHaveCount(0);
    await expect(roster.getByLabel(words('es', 'roster.fields.attendancePercentOf', { name: first.name }))).toHaveCount(0);
    await page.getByRole('button', { name: words('es', 'nav.signOut') }).click();
    await expect(heading(page, words('es', 'auth.signInTitle'))).toBeVisible();
  });

  await test.step('the academy’s instructor finds the offering on their home page', async () => {
    await signInInSpanish(page, instructorEmail);
    await page.getByRole('region', { name: words('es', 'home.instructorOfferings') }).getByRole('link', { name: courseName }).click();
    await expect(heading(page, courseName)).toBeVisible();
    await expect(page.getByRole('region', { name: words('es', 'offerings.detailsHeading') })).toContainText(words('es', 'common.dateRange', { from, to }));
  });

  await test.step('attendance above 100 % is refused in Spanish; the corrected results are saved', async () => {
    await recordResult(page, first, '101', '86');
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    const problem = words('es', 'form.fieldError', {
      label: words('es', 'roster.fields.attendancePercentOf', { name: first.name }),
      message: words('es', 'validation.tooBig', { maximum: 100 }),
    });
    await expect(summary).toContainText(words('es', 'form.errorSummary_one', { count: 1 }));
    await expect(summary).toContainText(problem);
    await expect(page.getByLabel(words('es', 'roster.fields.attendancePercentOf', { name: first.name }))).toHaveAccessibleDescription(words('es', 'validation.tooBig', { maximum: 100 }));
    await expectAccessible(page, 'an offering in Spanish, with a refused attendance');

    await recordResult(page, first, '95', '86');
    await expect(page.getByText(words('es', 'roster.saved', { name: first.name }))).toBeVisible();
    await expect(summary).toHaveCount(0);
    await recordResult(page, second, '100', '91');
    await expect(page.getByText(words('es', 'roster.saved', { name: second.name }))).toBeVisible();
  });

  await test.step('the server answers the same mistake in Spanish too', async () => {
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const offering = (await (await page.request.get(`/api/offerings/${offeringId}`)).json()) as { enrollments: { id: string; version: number; person: { id: string } }[] };
    const enrollment = offering.enrollments.find((row) => row.person.id === first.id);
    if (!enrollment) throw new Error('The participant is on the roster.');
    const refused = await page.request.patch(`/api/offerings/${offeringId}/enrollments/${enrollment.id}`, {
      data: { attendancePercent: 101 },
      headers: { 'x-csrf-token': me.csrfToken, 'if-match': `"${enrollment.version}"`, 'accept-language': 'es-SV,es;q=0.9' },
    });
    expect(refused.status()).toBe(400);
    const body = (await refused.json()) as { errors: { pointer: string; detail: string }[] };
    expect(body.errors).toContainEqual(expect.objectContaining({ pointer: '/body/attendancePercent', detail: (serverSpanish['issue.tooBig'] ?? '').replace('{{maximum}}', '100') }));
  });
});
