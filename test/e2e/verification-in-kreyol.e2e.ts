import fs from 'node:fs/promises';
import { words } from './catalogs.js';
import { ADMIN, apiSignIn, expect, expectAccessible, heading, sessionApi, test, unique } from './support.js';
import { type Certified, certifyParticipant } from './training.js';

/**
 * A visitor with no account opens a certificate's public page, as its QR code leads there, and
 * reads it in Haitian Creole: the switch on the page, the verdict, the page's language, the
 * records typed in English marked as English, and the printable certificate.
 */
/** Haitian Creole's months: a date on a Kreyòl page reads "20 septanm 2010", never French's "septembre". */
const MONTHS = ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm'];

function writtenOut(day: string): string {
  const [year, month = 1, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

test('a visitor reads a certificate’s verification page in Kreyòl ayisyen', async ({ browser, baseURL, request }) => {
  test.setTimeout(90_000);
  const mark = unique('').trim();
  let certified: Certified | undefined;
  await test.step('the program office certifies a participant', async () => {
    await apiSignIn(request, ADMIN.email, ADMIN.password);
    certified = await certifyParticipant(await sessionApi(request), mark, { givenName: 'Wilner', familyName: `Dorsainvil ${mark}` });
  });
  if (!certified) throw new Error('A participant was certified.');
  const { certificationId, holder, credential, agency, courseTitle } = certified;

  // Someone who scans the printed QR code: a browser that has never signed in, set to English.
  const visitor = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
  const page = await visitor.newPage();

  await test.step('open the certificate’s page and switch it to Kreyòl with the switch in its header', async () => {
    await page.goto(`/verify/${certificationId}`);
    await expect(heading(page, `Certificate of ${holder.name}`)).toBeVisible();
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('button', { name: 'Kreyòl ayisyen' }).click();
    await expect(heading(page, words('ht', 'verify.certificateTitle', { name: holder.name }))).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ht');
  });

  await test.step('the verdict says Otantik, with its dates written out as Haiti writes them', async () => {
    const verdict = page.locator('.verdict');
    await expect(verdict.getByRole('heading', { level: 2, name: words('ht', 'verify.verdict.genuine.heading'), exact: true })).toBeVisible();
    const summary = (await (await page.request.get(`/api/public/certificates/${certificationId}`)).json()) as { issuer: { name: string }; issuedOn: string; expiresOn: string };
    await expect(verdict).toContainText(
      words('ht', 'verify.verdict.genuine.text', { issuer: summary.issuer.name, holder: holder.name, credential, from: writtenOut(summary.issuedOn), until: writtenOut(summary.expiresOn) }),
    );
    // The credential's and the issuer's names are English records inside a Kreyòl sentence.
    await expect(verdict.locator('[lang="en"]').filter({ hasText: credential })).toHaveCount(1);
    await expect(verdict.locator('[lang="en"]').filter({ hasText: summary.issuer.name })).toHaveCount(1);
  });

  await test.step('what it certifies: English records are marked as English, the holder’s name is not', async () => {
    const details = page.getByRole('region', { name: words('ht', 'verify.detailsHeading') });
    const row = (label: string) => details.locator('.detail-list__row').filter({ has: page.getByRole('term').filter({ hasText: label }) });
    await expect(row(words('ht', 'verify.fields.credential')).locator('[lang="en"]')).toHaveText(credential);
    await expect(row(words('ht', 'verify.fields.organization')).locator('[lang="en"]')).toHaveText(agency);
    await expect(row(words('ht', 'verify.fields.offering')).locator('[lang="en"]')).toHaveText(courseTitle);
    await expect(row(words('ht', 'verify.fields.holder')).getByRole('definition')).toHaveText(holder.name);
    await expect(row(words('ht', 'verify.fields.holder')).locator('[lang]')).toHaveCount(0);
    const summary = (await (await page.request.get(`/api/public/certificates/${certificationId}`)).json()) as { issuedOn: string };
    await expect(row(words('ht', 'verify.fields.validFrom')).getByRole('definition')).toHaveText(writtenOut(summary.issuedOn));
    await expectAccessible(page, 'a certificate’s public page in Kreyòl');
  });

  await test.step('download the printable certificate offered on the Kreyòl page', async () => {
    const downloads = page.getByRole('region', { name: words('ht', 'verify.downloads.heading') });
    const language = downloads.getByLabel(words('ht', 'verify.downloads.pdfLanguage'));
    // The server prints certificates in the languages it offers; Kreyòl is not (yet) one of them.
    const offered = await language.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    const printed = offered.includes('ht') ? 'ht' : 'en';
    await expect(language).toHaveValue(printed);
    const started = page.waitForEvent('download');
    const named = (await language.locator('option:checked').textContent()) ?? '';
    await downloads.getByRole('link', { name: words('ht', 'verify.downloads.pdf', { language: named }), exact: true }).click();
    const file = await started;
    expect(file.suggestedFilename()).toBe(`certificate-${certificationId}.pdf`);
    expect(new URL(file.url()).searchParams.get('lang')).toBe(printed);
    expect((await fs.readFile(await file.path())).subarray(0, 5).toString()).toBe('%PDF-');
  });

  await visitor.close();
});
