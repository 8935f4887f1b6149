import { ADMIN, expect, expectAccessible, heading, mainNav, sessionApi, signIn, test, unique } from './support.js';

/**
 * A roster kept in a Spanish-language spreadsheet: semicolons, a byte-order mark, dates that read
 * both ways, names in three scripts, languages written as people write them (no levels), the
 * passports' expiry, a column Cadre has no field for, and one row with a broken email.
 */
function roster(agencyAcronym: string, suffix: string): Buffer {
  const lines = [
    'Nombre;Apellido;Correo electrónico;Fecha de nacimiento;Agencia;Idiomas;Vencimiento del pasaporte;Grupo sanguíneo',
    `José;Ñúñez ${suffix};jose.nunez.${suffix}@example.test;03/04/1985;${agencyAcronym};español, inglés;03/06/2029;O+`,
    `Anaïs;Pierre-Louis ${suffix};anais.pl.${suffix}@example.test;11/05/1990;${agencyAcronym};fr 3/3, kreyòl;;A-`,
    `ليلى;حداد ${suffix};not-an-email;07/08/1979;${agencyAcronym};ar;01/02/2030;B+`,
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

test('a roster spreadsheet is previewed, mapped, checked row by row, and its valid rows imported', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const acronym = `PDP${suffix}`.toUpperCase();
  const agency = unique('Prueba Police Department');

  await test.step('sign in and put the agency on record', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    const api = await sessionApi(page);
    const organization = await api.post('/organizations', { name: agency, acronym, kind: 'municipal_police', country: 'US' });
    // Someone already on the agency's roster whom the file does not name: not one of the import's people.
    await api.post('/people', { organizationId: organization.id, givenName: 'Otro', familyName: `Agente ${suffix}` });
  });

  await test.step('upload the file: nothing is written, the page shows how it reads', async () => {
    // The roster's own page leads to its import, with the kind already chosen.
    await mainNav(page).getByRole('link', { name: 'People' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Import a roster' }).click();
    await expect(heading(page, 'Import a file')).toBeVisible();
    await expect(page.getByLabel('People')).toBeChecked();
    await expectAccessible(page, 'the upload form');
    // Sent without a file, the form says what is missing beside the field.
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await expect(page.getByText('Choose the file to import.')).toBeVisible();

    await page.getByLabel('File').setInputFiles({ name: `roster-${suffix}.csv`, mimeType: 'text/csv', buffer: roster(acronym, suffix) });
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await expect(heading(page, `roster-${suffix}.csv`)).toBeVisible();
    await expect(page.getByText('Uploaded', { exact: true })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Semicolon (;)' })).toBeVisible();
    // The first rows, as read: the names keep their accents and their script.
    const preview = page.getByRole('region', { name: /rows, as read/ });
    await expect(preview).toContainText('Ñúñez');
    await expect(preview).toContainText('ليلى');
  });

  await test.step('the Spanish headers find their fields; the dates need their order told', async () => {
    await expect(page.getByLabel('Field for the column Nombre')).toHaveValue('givenName');
    await expect(page.getByLabel('Field for the column Apellido')).toHaveValue('familyName');
    await expect(page.getByLabel('Field for the column Correo electrónico')).toHaveValue('email');
    await expect(page.getByLabel('Field for the column Idiomas')).toHaveValue('languages');
    await expect(page.getByLabel('Field for the column Vencimiento del pasaporte')).toHaveValue('passportExpiresOn');
    await expect(page.getByRole('heading', { name: 'Choose how the dates are written' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Check every row' })).toBeDisabled();
    await expectAccessible(page, 'an uploaded import');

    await page.getByLabel('Dates are written').selectOption({ label: 'Day first (03/04/1985)' });
    await page.getByRole('button', { name: 'Save the columns' }).click();
    await expect(page.getByText('As you chose.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Choose how the dates are written' })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Columns' })).toBeFocused();
    // Rows are checked against the saved columns: an unsaved change holds the check back.
    await page.getByLabel('Field for the column Agencia').selectOption({ label: 'Leave out' });
    await expect(page.getByRole('button', { name: 'Check every row' })).toBeDisabled();
    await expect(page.getByText('Save the columns first')).toBeVisible();
    await page.getByLabel('Field for the column Agencia').selectOption({ label: 'Agency' });
    await expect(page.getByRole('button', { name: 'Check every row' })).toBeEnabled();
  });

  await test.step('a column with no field is not dropped until the user says so', async () => {
    await expect(page.getByLabel('Field for the column Grupo sanguíneo')).toHaveValue('');
    await page.getByRole('button', { name: 'Check every row' }).click();
    const summary = page.getByRole('heading', { name: '1 column is not decided' });
    await expect(summary).toBeVisible();
    await page.getByRole('link', { name: 'Grupo sanguíneo: choose a field, or Leave out' }).click();
    await expect(page.getByLabel('Field for the column Grupo sanguíneo')).toBeFocused();
    await expectAccessible(page, 'an import with an undecided column');
    await page.getByLabel('Field for the column Grupo sanguíneo').selectOption({ label: 'Leave out' });
    await page.getByRole('button', { name: 'Save the columns' }).click();
    await expect(summary).toBeHidden();
  });

  await test.step('every row is checked: one problem, by row and column, stops a whole import', async () => {
    await page.getByRole('button', { name: 'Check every row' }).click();
    await expect(page.getByRole('heading', { name: '1 problem stops a whole import' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('2 of 3 rows are valid.', { exact: false })).toBeVisible();
    const problems = page.getByRole('region', { name: '1 problem' });
    const row = problems.getByRole('row').filter({ hasText: 'not-an-email' });
    await expect(row).toContainText('4');
    await expect(row).toContainText('Correo electrónico');
    await expect(problems.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /\/problems\?format=csv$/);
    await expectAccessible(page, 'a checked import with a problem');
  });

  await test.step('import the valid rows only, once the rows left out are shown, then find the people on the roster', async () => {
    await page.getByRole('button', { name: 'Import the 2 valid rows only' }).click();
    const confirmation = page.getByRole('region', { name: 'Import the 2 valid rows, leave out 1' });
    await expect(confirmation.getByRole('listitem')).toHaveText(['Row 4: Correo electrónico “not-an-email” must be an email address']);
    await expectAccessible(page, 'the confirmation of a partial import');
    await confirmation.getByRole('button', { name: 'Import, leaving these rows out' }).click();
    await expect(page.getByRole('heading', { name: 'Imported', exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('2 created, 0 updated, 0 unchanged, 1 skipped.')).toBeVisible();
    // Exactly the people this import created or changed: not the roster, not the agency.
    await page.getByRole('link', { name: 'See the 2 people this import created or changed' }).click();
    await expect(heading(page, 'People')).toBeVisible();
    await expect(page.getByText(`These are the 2 people roster-${suffix}.csv created or changed`)).toBeVisible();
    const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('link') });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: `Ñúñez ${suffix}` })).toBeVisible();
    await expect(rows.filter({ hasText: `Pierre-Louis ${suffix}` })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: `Agente ${suffix}` })).toHaveCount(0);
    await expectAccessible(page, 'the people an import created or changed');
    // Narrowed further by name, the list stays the import's.
    await page.getByRole('search').getByLabel('Name').fill('Ñúñez');
    await page.getByRole('search').getByRole('button', { name: 'Apply' }).click();
    await expect(rows).toHaveCount(1);
    await expect(page).toHaveURL(/importId=/);
  });

  await test.step('a person’s page shows the languages as written, their levels unknown, and the passport’s expiry', async () => {
    await page.getByRole('row').filter({ hasText: `Ñúñez ${suffix}` }).getByRole('link').first().click();
    await expect(heading(page, new RegExp(`Ñúñez ${suffix}`))).toBeVisible();
    await expect(page.getByText(/Spanish: level unknown/)).toBeVisible();
    await expect(page.getByText(/English: level unknown/)).toBeVisible();
    const passport = page.getByRole('row').filter({ hasText: 'Passport' });
    await expect(passport).toContainText('Jun 3, 2029');
    await expect(passport).toContainText('Not known');
    await expectAccessible(page, 'a person imported with a passport and languages of unknown level');
  });

  await test.step('the import is listed with its outcome', async () => {
    await mainNav(page).getByRole('link', { name: 'Imports' }).click();
    const listed = page.getByRole('row').filter({ hasText: `roster-${suffix}.csv` });
    await expect(listed).toContainText('Imported');
    await expect(listed).toContainText('2 created');
    await expectAccessible(page, 'the imports list');
  });
});

test('a partners list saved as tab-separated text is imported whole', async ({ page }) => {
  const name = unique('Academia de Prueba');
  await signIn(page, ADMIN.email, ADMIN.password);
  await mainNav(page).getByRole('link', { name: 'Organizations' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Import from a spreadsheet' }).click();
  await expect(heading(page, 'Import a file')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Organizations' })).toBeChecked();
  // A .txt file: the browser calls it text/plain, which the API refuses from forms; it goes as bytes.
  const text = `Name\tKind\tCountry\r\n${name}\tacademy\tEl Salvador\r\n`;
  await page.getByLabel('File').setInputFiles({ name: 'partners.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(heading(page, 'partners.txt')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Tab' })).toBeVisible();
  await page.getByRole('button', { name: 'Check every row' }).click();
  await expect(page.getByRole('heading', { name: 'The row is ready to import' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByText('1 created, 0 updated, 0 unchanged, 0 skipped.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'See the organization this import created or changed' }).click();
  const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('link') });
  await expect(rows).toHaveCount(1);
  await expect(rows.filter({ hasText: name })).toContainText('El Salvador');
});

test('a roster that names no agency is given one on the import page, without uploading it again', async ({ page }) => {
  const agency = unique('Sin Columna Police Department');
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  const api = await sessionApi(page);
  await api.post('/organizations', { name: agency, kind: 'municipal_police', country: 'US' });
  await page.goto('/imports/new?kind=people');
  await page.getByLabel('File').setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from('Given name,Family name\r\nRoque,Dalton\r\n', 'utf8') });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('heading', { name: 'Choose the agency of these people' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check every row' })).toBeDisabled();
  await expectAccessible(page, 'an import that needs its agency');
  await page.getByRole('combobox', { name: 'Agency' }).selectOption({ label: `${agency} (United States)` });
  await page.getByRole('button', { name: 'Use this agency' }).click();
  await expect(page.getByRole('heading', { name: 'Choose the agency of these people' })).toBeHidden();
  await page.getByRole('button', { name: 'Check every row' }).click();
  await expect(page.getByRole('heading', { name: 'The row is ready to import' })).toBeVisible({ timeout: 30_000 });
});
