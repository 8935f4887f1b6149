import type { Locator, Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, heading, isoDay, mainNav, sessionApi, signIn, test, unique } from './support.js';
import { createOrganization, createPerson, expiryOf, runOffering, shown, type Trainee } from './training.js';

/** Searches the roster in one of the page's person pickers and chooses the person found. */
async function pick(section: Locator, person: Trainee): Promise<void> {
  const search = section.getByLabel('Search the roster by name');
  await search.fill(person.name.split(' ').slice(1).join(' '));
  await search.press('Enter');
  await expect(section.getByRole('status').filter({ hasText: '1 person found' })).toBeVisible();
  await section.getByText(new RegExp(`^${person.name}, `)).click();
}

async function recordResult(page: Page, person: Trainee, attendance: string, score: string): Promise<void> {
  await page.getByLabel(`Attendance of ${person.name} (%)`).fill(attendance);
  await page.getByLabel(`Score of ${person.name}`).fill(score);
  await page.getByRole('button', { name: `Save results: ${person.name}` }).click();
}

/** People trained and new instructors of one generation, as the table shows them. */
function generationCells(page: Page, generation: string) {
  const table = page.getByRole('table', { name: 'People trained and new instructors by generation' });
  return table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: generation }) }).getByRole('cell');
}

test('an instructor course is taught, closed and certifies two of three; the cascade grows', async ({ page }) => {
  // From the catalogue to a second generation: longer than one page's journey.
  test.setTimeout(180_000);
  const mark = unique('').trim();
  const code = `TOT-${mark.toUpperCase()}`;
  const title = 'Corrections instructor development';
  const credential = `Certified Corrections Instructor ${mark}`;
  const start = isoDay(-12);
  const end = isoDay(-8);
  let master: Trainee;
  let exact: Trainee;
  let strong: Trainee;
  let short: Trainee;
  let salvadoran: Trainee;
  let basicCourseId = '';

  await test.step('put a program office with its master instructor, an agency of three trainees and an instructor course on record', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Certifications expiring in 90 days' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Vetting' })).toContainText('cases are waiting for a result.');
    await expectAccessible(page, 'home with the training panels');
    const api = await sessionApi(page);
    const office = await createOrganization(api, { name: `Office of Criminal Justice Assistance ${mark}`, kind: 'program_office', country: 'US' });
    const agency = await createOrganization(api, { name: `Maryland Department of Corrections ${mark}`, kind: 'state_corrections', country: 'US' });
    const foreign = await createOrganization(api, { name: `Dirección General de Centros Penales ${mark}`, kind: 'foreign_corrections', country: 'SV' });
    master = await createPerson(api, office, 'Morgan', `Master ${mark}`, 'Master instructor');
    exact = await createPerson(api, agency, 'Ada', `Exact ${mark}`, 'Sergeant');
    strong = await createPerson(api, agency, 'Ben', `Strong ${mark}`, 'Lieutenant');
    short = await createPerson(api, agency, 'Cleo', `Short ${mark}`, 'Officer');
    salvadoran = await createPerson(api, foreign, 'Dana', `Salvadoreña ${mark}`, 'Agente penitenciaria');
    const granted = await api.post('/credentials', {
      name: credential,
      criteria: 'Attend at least 90% of the instructor course and score at least 70 on its final assessment.',
      track: 'corrections',
      validityMonths: 24,
      passMark: 70,
      minAttendancePercent: 90,
    });
    await api.post('/courses', { code, title, track: 'corrections', level: 'instructor', language: 'en', hours: 40, grantsCredentialId: granted.id });
    const basic = await api.post('/courses', {
      code: `BAS-${mark.toUpperCase()}`,
      title: 'Curso básico penitenciario',
      track: 'corrections',
      level: 'basic',
      language: 'es',
      hours: 80,
      requiresCredentialId: granted.id,
    });
    basicCourseId = basic.id;
  });

  await test.step('find the course in the catalogue and schedule an offering of it', async () => {
    await mainNav(page).getByRole('link', { name: 'Training' }).click();
    await expect(heading(page, 'Offerings')).toBeFocused();
    await expectAccessible(page, 'offerings list');
    await page.getByRole('navigation', { name: 'Training pages' }).getByRole('link', { name: 'Courses' }).click();
    await expect(heading(page, 'Courses')).toBeVisible();
    await page.getByLabel('Code or title').fill(code);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Showing 1 record.' })).toBeVisible();
    await expectAccessible(page, 'course catalogue');
    await page.getByRole('link', { name: `${code}: ${title}` }).click();
    await expect(heading(page, `${code}: ${title}`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Details' })).toContainText(credential);
    await expectAccessible(page, 'course page');

    await page.getByRole('main').getByRole('link', { name: 'Schedule an offering' }).click();
    await expect(heading(page, 'Schedule an offering')).toBeVisible();
    await expect(page.getByLabel('Course')).toHaveValue(/.+/);
    await page.getByRole('button', { name: 'Schedule offering' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'First day', exact: true })).toHaveAccessibleDescription(/First day: Enter a date/);
    await expectAccessible(page, 'new offering with errors');
    await page.getByRole('textbox', { name: 'First day', exact: true }).fill(start);
    await page.getByRole('textbox', { name: 'Last day', exact: true }).fill(end);
    await page.getByLabel('Seats').fill('12');
    await page.getByLabel('Country').selectOption({ label: 'United States' });
    await page.getByLabel('City').fill('Baltimore');
    await page.getByRole('button', { name: 'Schedule offering' }).click();
    await expect(heading(page, `${code}: ${title}`)).toBeVisible();
    await expect(page.getByText(`${code}: ${title} was scheduled.`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('Teaches version 1 of the course');
    await expectAccessible(page, 'offering page');
  });

  await test.step('make the master instructor its lead and enroll the three trainees', async () => {
    const instructors = page.getByRole('region', { name: 'Instructors' });
    const roster = page.getByRole('region', { name: 'Participants and results' });
    await pick(instructors, master);
    await page.getByRole('button', { name: 'Add instructor' }).click();
    await expect(page.getByText(`${master.name} teaches this offering as Lead instructor.`)).toBeVisible();
    await expect(instructors.getByRole('row').filter({ hasText: master.name })).toContainText('Lead instructor');

    for (const trainee of [exact, strong, short]) {
      await pick(roster, trainee);
      await page.getByRole('button', { name: 'Enroll', exact: true }).click();
      await expect(page.getByText(`${trainee.name} was enrolled.`)).toBeVisible();
    }
    // Nobody is on a roster twice: the API's rule is shown in its own words.
    await pick(roster, exact);
    await page.getByRole('button', { name: 'Enroll', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This person could not be enrolled' });
    await expect(refusal).toContainText(`${exact.name} is already on this offering’s roster.`);
    await expectAccessible(page, 'offering with a refused enrollment');
  });

  await test.step('record the results row by row: one exactly at the bounds, one well above, one below', async () => {
    await recordResult(page, exact, '90', '70');
    await expect(page.getByText(`Results for ${exact.name} were saved.`)).toBeVisible();
    await recordResult(page, strong, '100', '88');
    await expect(page.getByText(`Results for ${strong.name} were saved.`)).toBeVisible();
    await recordResult(page, short, '80', '600');
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(`Score of ${short.name} must be at most 100`);
    await expect(page.getByLabel(`Score of ${short.name}`)).toHaveAccessibleDescription(/must be at most 100/);
    await expectAccessible(page, 'results with an error');
    await recordResult(page, short, '80', '60');
    await expect(page.getByText(`Results for ${short.name} were saved.`)).toBeVisible();
    await expect(summary).toHaveCount(0);
  });

  await test.step('close the offering after reading what closing does, and read the report', async () => {
    const expiry = shown(expiryOf(end, 24));
    await page.getByRole('button', { name: 'Close offering' }).click();
    const confirm = page.getByRole('group', { name: 'Close the offering and certify its participants?' });
    await expect(confirm.getByRole('heading', { name: 'Close the offering and certify its participants?' })).toBeFocused();
    await expect(confirm.getByRole('heading', { name: /^The certificates will point to http:\/\// })).toBeVisible();
    await expect(confirm).toContainText('3 participants still enrolled are judged on their attendance and score.');
    await expect(confirm).toContainText('Earned by attending at least 90% of the course and scoring 70 or more.');
    await expect(confirm).toContainText(`Their certifications are valid until ${expiry}.`);
    await expectAccessible(page, 'close confirmation');
    // The test server has no public address: closing asks to confirm the one certificates will name.
    await expect(confirm.getByRole('button', { name: 'Close and certify' })).toBeDisabled();
    await confirm.getByText(/^Issue the certificates with http:\/\/.+ anyway$/).click();
    await confirm.getByRole('button', { name: 'Close and certify' }).click();

    const report = page.getByRole('region', { name: 'The offering is closed' });
    await expect(report.getByRole('heading', { name: 'The offering is closed' })).toBeFocused();
    await expect(report).toContainText('2 certified, 1 not certified.');
    for (const trainee of [exact, strong]) {
      await expect(report.getByRole('row').filter({ hasText: trainee.name })).toContainText(expiry);
    }
    const failed = report.getByRole('row').filter({ hasText: short.name });
    await expect(failed).toContainText('attended 80%, below the 90% required');
    await expect(failed).toContainText('scored 60, below the pass mark of 70');
    await expect(page.getByRole('button', { name: `Save results: ${exact.name}` })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Follow-ups' })).toContainText(`Follow-ups can be recorded from`);
    await expectAccessible(page, 'close report');
  });

  await test.step('find the new certifications in the list and on a trainee’s transcript', async () => {
    await page.getByRole('navigation', { name: 'Training pages' }).getByRole('link', { name: 'Certifications', exact: true }).click();
    await expect(heading(page, 'Certifications')).toBeVisible();
    await page.getByLabel('Credential').selectOption({ label: credential });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Showing 2 records.' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: exact.name })).toContainText('Active');
    await expect(page.getByRole('row').filter({ hasText: short.name })).toHaveCount(0);
    await expectAccessible(page, 'certifications list');

    await page.getByRole('link', { name: exact.name }).click();
    await expect(heading(page, exact.name)).toBeVisible();
    const training = page.getByRole('region', { name: 'Training' });
    const course = training.getByRole('row').filter({ hasText: code });
    await expect(course).toContainText('Participant');
    await expect(course).toContainText('Completed');
    await expect(course).toContainText('90%');
    await expect(training.getByRole('row').filter({ hasText: credential })).toContainText('Active');
    await expectAccessible(page, 'trainee with a transcript');
  });

  await test.step('see the cascade grow: generation 1 trained by the master, who reaches two', async () => {
    // The program's whole cascade is read here: the journeys that certify people of their own
    // (translated-*, verification*) come after this file, as files run one by one in name order.
    await mainNav(page).getByRole('link', { name: 'Cascade' }).click();
    await expect(heading(page, 'Training cascade')).toBeVisible();
    await expect(generationCells(page, 'Generation 1')).toHaveText(['2', '0']);
    await expect(generationCells(page, 'Generation 0 (program office)')).toHaveText(['–', '1']);
    await expectAccessible(page, 'program cascade');

    await page.goto(`/cascade/instructors/${master.id}`);
    await expect(heading(page, `Cascade of ${master.name}`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Reach' }).getByRole('definition')).toHaveText('2');
    const tree = page.getByRole('region', { name: 'Who trained whom' });
    await expect(tree.getByRole('link', { name: exact.name })).toBeVisible();
    await expect(tree.getByRole('link', { name: strong.name })).toBeVisible();
    await expectAccessible(page, 'master’s cascade');
  });

  await test.step('vet a Salvadoran officer, whom a new instructor then trains: generation 2', async () => {
    await mainNav(page).getByRole('link', { name: 'Vetting' }).click();
    await expect(heading(page, 'Vetting')).toBeVisible();
    await expectAccessible(page, 'vetting queue');
    await page.getByRole('main').getByRole('link', { name: 'Submit vetting' }).click();
    await expect(heading(page, 'Submit vetting')).toBeVisible();
    await pick(page.getByRole('main'), salvadoran);
    await page.getByLabel('Case reference').fill(`INL-VET-${mark.toUpperCase()}`);
    await page.getByLabel('Submitted on').fill(isoDay(-60));
    await expectAccessible(page, 'submit vetting');
    await page.getByRole('button', { name: 'Record submission' }).click();
    await expect(heading(page, 'Vetting')).toBeVisible();
    await page.getByRole('button', { name: `Record the result for ${salvadoran.name}` }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`^Result for ${salvadoran.name}`) })).toBeFocused();
    await page.getByRole('combobox', { name: 'Result', exact: true }).selectOption({ label: 'Cleared' });
    await page.getByLabel('Result on').fill(isoDay(-30));
    await page.getByLabel('Valid until').fill(isoDay(300));
    await expectAccessible(page, 'vetting result form');
    await page.getByRole('button', { name: 'Save result' }).click();
    await expect(page.getByText(`${salvadoran.name} is now Cleared.`)).toBeVisible();

    const api = await sessionApi(page);
    await runOffering(api, { courseId: basicCourseId, startOn: isoDay(-6), endOn: isoDay(-4), country: 'SV', leadId: exact.id, participantId: salvadoran.id });

    await mainNav(page).getByRole('link', { name: 'Cascade' }).click();
    await expect(heading(page, 'Training cascade')).toBeVisible();
    // The first new instructor has taught, and the one they trained is generation 2, in El Salvador.
    await expect(generationCells(page, 'Generation 1')).toHaveText(['2', '1']);
    await expect(generationCells(page, 'Generation 2')).toHaveText(['1', '0']);
    const byCountry = page.getByRole('table', { name: /by country and generation/ });
    await expect(byCountry.getByRole('row').filter({ hasText: 'El Salvador' }).getByRole('cell')).toHaveText(['0', '1', '1']);
    await expectAccessible(page, 'program cascade with two generations');

    await page.goto(`/cascade/instructors/${master.id}`);
    await expect(page.getByRole('region', { name: 'Reach' }).getByRole('definition')).toHaveText('3');
    const toggle = page.getByRole('button', { name: `1 person trained by ${exact.name}` });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('link', { name: salvadoran.name })).toBeVisible();
    await expectAccessible(page, 'master’s cascade, opened');
  });
});
